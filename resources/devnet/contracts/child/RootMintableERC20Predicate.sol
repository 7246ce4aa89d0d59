// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {System} from "../common/System.sol";
import {Initializable} from "../common/Initializable.sol";
import {IStateSender, IERC20Like} from "../common/BridgeTypes.sol";
import {Clones} from "../lib/Clones.sol";

/// @title RootMintableERC20Predicate
/// @notice Child side of the child-native ERC-20 bridge at 0x…1009 (Edge's "root-mintable" family):
///         holds child-native tokens in escrow for deposits to the root chain, which go out through
///         L2StateSender to the ChildMintableERC20Predicate on the root (minted there after the exit),
///         and releases them when a WITHDRAW state sync from that predicate is executed.
///         Payloads per docs/protocol.md "Child-native tokens".
/// @dev No constructor: placed with anvil_setCode, then initialize(...) as a system call (sender 0xff…fe).
///      The contracts' "rootToken" is the token on its home chain, here the child chain.
contract RootMintableERC20Predicate is System, Initializable {
    bytes32 public constant DEPOSIT_SIG = keccak256("DEPOSIT");
    bytes32 public constant WITHDRAW_SIG = keccak256("WITHDRAW");
    bytes32 public constant MAP_TOKEN_SIG = keccak256("MAP_TOKEN");

    IStateSender public l2StateSender;
    address public stateReceiver;
    /// @dev the ChildMintableERC20Predicate on the root chain
    address public childERC20Predicate;
    /// @dev the token template on the root chain that the root predicate clones per token
    address public childTokenTemplate;
    mapping(address => address) public rootTokenToChildToken;

    event L2MintableERC20Deposit(
        address indexed rootToken,
        address indexed childToken,
        address depositor,
        address indexed receiver,
        uint256 amount
    );
    event L2MintableERC20Withdraw(
        address indexed rootToken,
        address indexed childToken,
        address withdrawer,
        address indexed receiver,
        uint256 amount
    );
    event L2MintableTokenMapped(address indexed rootToken, address indexed childToken);

    function initialize(
        address newL2StateSender,
        address newStateReceiver,
        address newChildERC20Predicate,
        address newChildTokenTemplate
    ) external onlySystemCall initializer {
        require(
            newL2StateSender != address(0) &&
                newStateReceiver != address(0) &&
                newChildERC20Predicate != address(0) &&
                newChildTokenTemplate != address(0),
            "RootMintableERC20Predicate: BAD_INITIALIZATION"
        );
        l2StateSender = IStateSender(newL2StateSender);
        stateReceiver = newStateReceiver;
        childERC20Predicate = newChildERC20Predicate;
        childTokenTemplate = newChildTokenTemplate;
    }

    /// @notice called by StateReceiver with a committed root-chain message (a withdrawal from the root)
    function onStateReceive(uint256 /* id */, address sender, bytes calldata data) external {
        require(msg.sender == stateReceiver, "RootMintableERC20Predicate: ONLY_STATE_RECEIVER");
        require(sender == childERC20Predicate, "RootMintableERC20Predicate: ONLY_CHILD_PREDICATE");
        if (bytes32(data[:32]) == WITHDRAW_SIG) {
            _release(data[32:]);
        } else {
            revert("RootMintableERC20Predicate: INVALID_SIGNATURE");
        }
    }

    function deposit(IERC20Like rootToken, uint256 amount) external {
        _escrow(rootToken, msg.sender, amount);
    }

    function depositTo(IERC20Like rootToken, address receiver, uint256 amount) external {
        _escrow(rootToken, receiver, amount);
    }

    /// @notice sends MAP_TOKEN(token, name, symbol, decimals) to the root predicate
    /// @return childToken the address the mirror token will have on the root chain
    function mapToken(IERC20Like rootToken) public returns (address childToken) {
        require(address(rootToken) != address(0), "RootMintableERC20Predicate: INVALID_TOKEN");
        require(
            rootTokenToChildToken[address(rootToken)] == address(0),
            "RootMintableERC20Predicate: ALREADY_MAPPED"
        );
        address rootSide = childERC20Predicate;
        childToken = Clones.predictDeterministicAddress(
            childTokenTemplate,
            keccak256(abi.encodePacked(rootToken)),
            rootSide
        );
        rootTokenToChildToken[address(rootToken)] = childToken;
        l2StateSender.syncState(
            rootSide,
            abi.encode(MAP_TOKEN_SIG, rootToken, rootToken.name(), rootToken.symbol(), rootToken.decimals())
        );
        emit L2MintableTokenMapped(address(rootToken), childToken);
    }

    function _escrow(IERC20Like rootToken, address receiver, uint256 amount) private {
        address childToken = rootTokenToChildToken[address(rootToken)];
        if (childToken == address(0)) childToken = mapToken(rootToken);
        _safeCall(address(rootToken), abi.encodeCall(IERC20Like.transferFrom, (msg.sender, address(this), amount)));
        l2StateSender.syncState(childERC20Predicate, abi.encode(DEPOSIT_SIG, rootToken, msg.sender, receiver, amount));
        emit L2MintableERC20Deposit(address(rootToken), childToken, msg.sender, receiver, amount);
    }

    function _release(bytes calldata data) private {
        (address rootToken, address withdrawer, address receiver, uint256 amount) = abi.decode(
            data,
            (address, address, address, uint256)
        );
        address childToken = rootTokenToChildToken[rootToken];
        assert(childToken != address(0)); // the root side mints only for tokens mapped here first
        _safeCall(rootToken, abi.encodeCall(IERC20Like.transfer, (receiver, amount)));
        emit L2MintableERC20Withdraw(rootToken, childToken, withdrawer, receiver, amount);
    }

    /// @dev token call that accepts tokens returning nothing or true
    function _safeCall(address token, bytes memory callData) private {
        require(token.code.length != 0, "RootMintableERC20Predicate: NOT_CONTRACT");
        (bool ok, bytes memory ret) = token.call(callData);
        require(ok && (ret.length == 0 || abi.decode(ret, (bool))), "RootMintableERC20Predicate: TOKEN_TRANSFER_FAILED");
    }
}
