// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {System} from "../common/System.sol";
import {Initializable} from "../common/Initializable.sol";
import {IStateSender, IChildERC20} from "../common/BridgeTypes.sol";
import {Clones} from "../lib/Clones.sol";

/// @title ChildERC20Predicate
/// @notice Child side of the ERC-20 bridge at 0x…1004: maps root tokens to clones of the child token
///         template, mints on deposits (from StateReceiver) and burns on withdrawals, which go out
///         through L2StateSender to the RootERC20Predicate.
/// @dev No constructor: placed with anvil_setCode, then initialize(...) as a system call (sender 0xff…fe).
contract ChildERC20Predicate is System, Initializable {
    bytes32 public constant DEPOSIT_SIG = keccak256("DEPOSIT");
    bytes32 public constant WITHDRAW_SIG = keccak256("WITHDRAW");
    bytes32 public constant MAP_TOKEN_SIG = keccak256("MAP_TOKEN");
    address private constant NATIVE_CHILD_TOKEN = 0x0000000000000000000000000000000000001010;

    IStateSender public l2StateSender;
    address public stateReceiver;
    address public rootERC20Predicate;
    address public childTokenTemplate;
    mapping(address => address) public rootTokenToChildToken;

    event L2ERC20Deposit(
        address indexed rootToken,
        address indexed childToken,
        address sender,
        address indexed receiver,
        uint256 amount
    );
    event L2ERC20Withdraw(
        address indexed rootToken,
        address indexed childToken,
        address sender,
        address indexed receiver,
        uint256 amount
    );
    event L2TokenMapped(address indexed rootToken, address indexed childToken);

    /// @param newNativeTokenRootAddress root token of the native token (mapped to 0x…1010), or 0 for none
    function initialize(
        address newL2StateSender,
        address newStateReceiver,
        address newRootERC20Predicate,
        address newChildTokenTemplate,
        address newNativeTokenRootAddress
    ) external onlySystemCall initializer {
        require(
            newL2StateSender != address(0) &&
                newStateReceiver != address(0) &&
                newRootERC20Predicate != address(0) &&
                newChildTokenTemplate != address(0),
            "ChildERC20Predicate: BAD_INITIALIZATION"
        );
        l2StateSender = IStateSender(newL2StateSender);
        stateReceiver = newStateReceiver;
        rootERC20Predicate = newRootERC20Predicate;
        childTokenTemplate = newChildTokenTemplate;
        if (newNativeTokenRootAddress != address(0)) {
            rootTokenToChildToken[newNativeTokenRootAddress] = NATIVE_CHILD_TOKEN;
            emit L2TokenMapped(newNativeTokenRootAddress, NATIVE_CHILD_TOKEN);
        }
    }

    /// @notice called by StateReceiver with a committed root-chain message
    function onStateReceive(uint256 /* id */, address sender, bytes calldata data) external {
        require(msg.sender == stateReceiver, "ChildERC20Predicate: ONLY_STATE_RECEIVER");
        require(sender == rootERC20Predicate, "ChildERC20Predicate: ONLY_ROOT_PREDICATE");
        bytes32 tag = bytes32(data[:32]);
        if (tag == DEPOSIT_SIG) {
            _deposit(data[32:]);
        } else if (tag == MAP_TOKEN_SIG) {
            _mapToken(data);
        } else {
            revert("ChildERC20Predicate: INVALID_SIGNATURE");
        }
    }

    function withdraw(IChildERC20 childToken, uint256 amount) external {
        _withdraw(childToken, msg.sender, amount);
    }

    function withdrawTo(IChildERC20 childToken, address receiver, uint256 amount) external {
        _withdraw(childToken, receiver, amount);
    }

    function _withdraw(IChildERC20 childToken, address receiver, uint256 amount) private {
        require(address(childToken).code.length != 0, "ChildERC20Predicate: NOT_CONTRACT");
        address rootToken = childToken.rootToken();
        require(rootTokenToChildToken[rootToken] == address(childToken), "ChildERC20Predicate: UNMAPPED_TOKEN");
        require(childToken.predicate() == address(this), "ChildERC20Predicate: INVALID_PREDICATE");
        require(childToken.burn(msg.sender, amount), "ChildERC20Predicate: BURN_FAILED");
        l2StateSender.syncState(rootERC20Predicate, abi.encode(WITHDRAW_SIG, rootToken, msg.sender, receiver, amount));
        emit L2ERC20Withdraw(rootToken, address(childToken), msg.sender, receiver, amount);
    }

    function _deposit(bytes calldata data) private {
        (address depositToken, address depositor, address receiver, uint256 amount) = abi.decode(
            data,
            (address, address, address, uint256)
        );
        address childToken = rootTokenToChildToken[depositToken];
        require(childToken != address(0), "ChildERC20Predicate: UNMAPPED_TOKEN");
        require(childToken.code.length != 0, "ChildERC20Predicate: NOT_CONTRACT");
        require(IChildERC20(childToken).rootToken() == depositToken, "ChildERC20Predicate: WRONG_ROOT_TOKEN");
        require(IChildERC20(childToken).mint(receiver, amount), "ChildERC20Predicate: MINT_FAILED");
        emit L2ERC20Deposit(depositToken, childToken, depositor, receiver, amount);
    }

    function _mapToken(bytes calldata data) private {
        (, address rootToken, string memory name, string memory symbol, uint8 decimals) = abi.decode(
            data,
            (bytes32, address, string, string, uint8)
        );
        require(rootToken != address(0), "ChildERC20Predicate: INVALID_TOKEN");
        require(rootTokenToChildToken[rootToken] == address(0), "ChildERC20Predicate: ALREADY_MAPPED");
        address childToken = Clones.cloneDeterministic(childTokenTemplate, keccak256(abi.encodePacked(rootToken)));
        rootTokenToChildToken[rootToken] = childToken;
        IChildERC20(childToken).initialize(rootToken, name, symbol, decimals);
        emit L2TokenMapped(rootToken, childToken);
    }
}
