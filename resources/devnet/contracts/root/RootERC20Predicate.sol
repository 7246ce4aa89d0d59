// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Initializable} from "../common/Initializable.sol";
import {IStateSender, IERC20Like} from "../common/BridgeTypes.sol";
import {Clones} from "../lib/Clones.sol";

/// @title RootERC20Predicate
/// @notice Locks root ERC-20 tokens for deposits to the child chain and releases them on proven
///         withdrawals (called by ExitHelper). Payloads per docs/protocol.md "ERC-20 payloads".
/// @dev An unmapped token is mapped on first deposit: a MAP_TOKEN message goes out first and the child
///      token address is the CREATE2 clone of childTokenTemplate that ChildERC20Predicate will deploy
///      (salt keccak256(abi.encodePacked(rootToken))). Deploy with no arguments, then
///      initialize(stateSender, exitHelper, childERC20Predicate, childTokenTemplate, nativeTokenRoot).
contract RootERC20Predicate is Initializable {
    bytes32 public constant DEPOSIT_SIG = keccak256("DEPOSIT");
    bytes32 public constant WITHDRAW_SIG = keccak256("WITHDRAW");
    bytes32 public constant MAP_TOKEN_SIG = keccak256("MAP_TOKEN");
    /// @dev Edge's native token contract on the child chain
    address private constant NATIVE_CHILD_TOKEN = 0x0000000000000000000000000000000000001010;

    IStateSender public stateSender;
    address public exitHelper;
    address public childERC20Predicate;
    address public childTokenTemplate;
    address public nativeTokenRoot;
    mapping(address => address) public rootTokenToChildToken;

    event ERC20Deposit(
        address indexed rootToken,
        address indexed childToken,
        address depositor,
        address indexed receiver,
        uint256 amount
    );
    event ERC20Withdraw(
        address indexed rootToken,
        address indexed childToken,
        address withdrawer,
        address indexed receiver,
        uint256 amount
    );
    event TokenMapped(address indexed rootToken, address indexed childToken);

    /// @param newNativeTokenRoot root token of the child chain's native token, or 0 for none
    function initialize(
        address newStateSender,
        address newExitHelper,
        address newChildERC20Predicate,
        address newChildTokenTemplate,
        address newNativeTokenRoot
    ) external initializer {
        require(
            newStateSender != address(0) &&
                newExitHelper != address(0) &&
                newChildERC20Predicate != address(0) &&
                newChildTokenTemplate != address(0),
            "RootERC20Predicate: BAD_INITIALIZATION"
        );
        stateSender = IStateSender(newStateSender);
        exitHelper = newExitHelper;
        childERC20Predicate = newChildERC20Predicate;
        childTokenTemplate = newChildTokenTemplate;
        if (newNativeTokenRoot != address(0)) {
            nativeTokenRoot = newNativeTokenRoot;
            rootTokenToChildToken[newNativeTokenRoot] = NATIVE_CHILD_TOKEN;
            emit TokenMapped(newNativeTokenRoot, NATIVE_CHILD_TOKEN);
        }
    }

    /// @notice called by ExitHelper with a proven child-chain message
    function onL2StateReceive(uint256 /* id */, address sender, bytes calldata data) external {
        require(msg.sender == exitHelper, "RootERC20Predicate: ONLY_EXIT_HELPER");
        require(sender == childERC20Predicate, "RootERC20Predicate: ONLY_CHILD_PREDICATE");
        if (bytes32(data[:32]) == WITHDRAW_SIG) {
            _withdraw(data[32:]);
        } else {
            revert("RootERC20Predicate: INVALID_SIGNATURE");
        }
    }

    function deposit(IERC20Like rootToken, uint256 amount) external {
        _deposit(rootToken, msg.sender, amount);
    }

    function depositTo(IERC20Like rootToken, address receiver, uint256 amount) external {
        _deposit(rootToken, receiver, amount);
    }

    /// @notice sends MAP_TOKEN(rootToken, name, symbol, decimals) to the child predicate
    /// @return childToken the address the child token will have on the child chain
    function mapToken(IERC20Like rootToken) public returns (address childToken) {
        require(address(rootToken) != address(0), "RootERC20Predicate: INVALID_TOKEN");
        require(rootTokenToChildToken[address(rootToken)] == address(0), "RootERC20Predicate: ALREADY_MAPPED");
        childToken = Clones.predictDeterministicAddress(
            childTokenTemplate,
            keccak256(abi.encodePacked(rootToken)),
            childERC20Predicate
        );
        rootTokenToChildToken[address(rootToken)] = childToken;
        stateSender.syncState(
            childERC20Predicate,
            abi.encode(MAP_TOKEN_SIG, rootToken, rootToken.name(), rootToken.symbol(), rootToken.decimals())
        );
        emit TokenMapped(address(rootToken), childToken);
    }

    function _deposit(IERC20Like rootToken, address receiver, uint256 amount) private {
        address childToken = rootTokenToChildToken[address(rootToken)];
        if (childToken == address(0)) childToken = mapToken(rootToken);
        _safeCall(address(rootToken), abi.encodeCall(IERC20Like.transferFrom, (msg.sender, address(this), amount)));
        stateSender.syncState(childERC20Predicate, abi.encode(DEPOSIT_SIG, rootToken, msg.sender, receiver, amount));
        emit ERC20Deposit(address(rootToken), childToken, msg.sender, receiver, amount);
    }

    function _withdraw(bytes calldata data) private {
        (address rootToken, address withdrawer, address receiver, uint256 amount) = abi.decode(
            data,
            (address, address, address, uint256)
        );
        address childToken = rootTokenToChildToken[rootToken];
        require(childToken != address(0), "RootERC20Predicate: UNMAPPED_TOKEN");
        _safeCall(rootToken, abi.encodeCall(IERC20Like.transfer, (receiver, amount)));
        emit ERC20Withdraw(rootToken, childToken, withdrawer, receiver, amount);
    }

    /// @dev token call that accepts tokens returning nothing or true
    function _safeCall(address token, bytes memory callData) private {
        require(token.code.length != 0, "RootERC20Predicate: NOT_CONTRACT");
        (bool ok, bytes memory ret) = token.call(callData);
        require(ok && (ret.length == 0 || abi.decode(ret, (bool))), "RootERC20Predicate: TOKEN_TRANSFER_FAILED");
    }
}
