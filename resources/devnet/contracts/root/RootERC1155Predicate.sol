// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Initializable} from "../common/Initializable.sol";
import {IStateSender} from "../common/BridgeTypes.sol";
import {IERC1155Like} from "../common/NftTypes.sol";
import {Clones} from "../lib/Clones.sol";

/// @title RootERC1155Predicate
/// @notice Escrows root ERC-1155 tokens for deposits (single or batch, one receiver per id/amount pair)
///         to the child chain and releases them on proven withdrawals (called by ExitHelper). Payloads per
///         docs/protocol.md "Every asset kind". MAP_TOKEN carries (token, uri(0)), "" when uri reverts.
/// @dev Deploy with no arguments, then initialize(stateSender, exitHelper, childERC1155Predicate, childTokenTemplate).
contract RootERC1155Predicate is Initializable {
    bytes32 public constant DEPOSIT_SIG = keccak256("DEPOSIT");
    bytes32 public constant DEPOSIT_BATCH_SIG = keccak256("DEPOSIT_BATCH");
    bytes32 public constant WITHDRAW_SIG = keccak256("WITHDRAW");
    bytes32 public constant WITHDRAW_BATCH_SIG = keccak256("WITHDRAW_BATCH");
    bytes32 public constant MAP_TOKEN_SIG = keccak256("MAP_TOKEN");

    IStateSender public stateSender;
    address public exitHelper;
    address public childERC1155Predicate;
    address public childTokenTemplate;
    mapping(address => address) public rootTokenToChildToken;

    event ERC1155Deposit(
        address indexed rootToken,
        address indexed childToken,
        address depositor,
        address indexed receiver,
        uint256 tokenId,
        uint256 amount
    );
    event ERC1155DepositBatch(
        address indexed rootToken,
        address indexed childToken,
        address indexed depositor,
        address[] receivers,
        uint256[] tokenIds,
        uint256[] amounts
    );
    event ERC1155Withdraw(
        address indexed rootToken,
        address indexed childToken,
        address withdrawer,
        address indexed receiver,
        uint256 tokenId,
        uint256 amount
    );
    event ERC1155WithdrawBatch(
        address indexed rootToken,
        address indexed childToken,
        address indexed withdrawer,
        address[] receivers,
        uint256[] tokenIds,
        uint256[] amounts
    );
    event TokenMapped(address indexed rootToken, address indexed childToken);

    function initialize(
        address newStateSender,
        address newExitHelper,
        address newChildERC1155Predicate,
        address newChildTokenTemplate
    ) external initializer {
        require(
            newStateSender != address(0) &&
                newExitHelper != address(0) &&
                newChildERC1155Predicate != address(0) &&
                newChildTokenTemplate != address(0),
            "RootERC1155Predicate: BAD_INITIALIZATION"
        );
        stateSender = IStateSender(newStateSender);
        exitHelper = newExitHelper;
        childERC1155Predicate = newChildERC1155Predicate;
        childTokenTemplate = newChildTokenTemplate;
    }

    /// @notice called by ExitHelper with a proven child-chain message
    function onL2StateReceive(uint256 /* id */, address sender, bytes calldata data) external {
        require(msg.sender == exitHelper, "RootERC1155Predicate: ONLY_EXIT_HELPER");
        require(sender == childERC1155Predicate, "RootERC1155Predicate: ONLY_CHILD_PREDICATE");
        bytes32 tag = bytes32(data[:32]);
        if (tag == WITHDRAW_SIG) {
            (address rootToken, address withdrawer, address receiver, uint256 tokenId, uint256 amount) = abi.decode(
                data[32:],
                (address, address, address, uint256, uint256)
            );
            address childToken = _mapped(rootToken);
            IERC1155Like(rootToken).safeTransferFrom(address(this), receiver, tokenId, amount, "");
            emit ERC1155Withdraw(rootToken, childToken, withdrawer, receiver, tokenId, amount);
        } else if (tag == WITHDRAW_BATCH_SIG) {
            (
                ,
                address rootToken,
                address withdrawer,
                address[] memory receivers,
                uint256[] memory tokenIds,
                uint256[] memory amounts
            ) = abi.decode(data, (bytes32, address, address, address[], uint256[], uint256[]));
            address childToken = _mapped(rootToken);
            for (uint256 i = 0; i < tokenIds.length; i++) {
                IERC1155Like(rootToken).safeTransferFrom(address(this), receivers[i], tokenIds[i], amounts[i], "");
            }
            emit ERC1155WithdrawBatch(rootToken, childToken, withdrawer, receivers, tokenIds, amounts);
        } else {
            revert("RootERC1155Predicate: INVALID_SIGNATURE");
        }
    }

    function deposit(IERC1155Like rootToken, uint256 tokenId, uint256 amount) external {
        _deposit(rootToken, msg.sender, tokenId, amount);
    }

    function depositTo(IERC1155Like rootToken, address receiver, uint256 tokenId, uint256 amount) external {
        _deposit(rootToken, receiver, tokenId, amount);
    }

    function depositBatch(
        IERC1155Like rootToken,
        address[] calldata receivers,
        uint256[] calldata tokenIds,
        uint256[] calldata amounts
    ) external {
        require(
            receivers.length == tokenIds.length && receivers.length == amounts.length,
            "RootERC1155Predicate: INVALID_LENGTH"
        );
        address childToken = _childToken(rootToken);
        for (uint256 i = 0; i < tokenIds.length; i++) {
            rootToken.safeTransferFrom(msg.sender, address(this), tokenIds[i], amounts[i], "");
        }
        stateSender.syncState(
            childERC1155Predicate,
            abi.encode(DEPOSIT_BATCH_SIG, rootToken, msg.sender, receivers, tokenIds, amounts)
        );
        emit ERC1155DepositBatch(address(rootToken), childToken, msg.sender, receivers, tokenIds, amounts);
    }

    /// @notice sends MAP_TOKEN(rootToken, uri) to the child predicate
    function mapToken(IERC1155Like rootToken) public returns (address childToken) {
        require(address(rootToken) != address(0), "RootERC1155Predicate: INVALID_TOKEN");
        require(rootTokenToChildToken[address(rootToken)] == address(0), "RootERC1155Predicate: ALREADY_MAPPED");
        childToken = Clones.predictDeterministicAddress(
            childTokenTemplate,
            keccak256(abi.encodePacked(rootToken)),
            childERC1155Predicate
        );
        rootTokenToChildToken[address(rootToken)] = childToken;
        string memory tokenUri = "";
        try rootToken.uri(0) returns (string memory u) {
            tokenUri = u;
        } catch {}
        stateSender.syncState(childERC1155Predicate, abi.encode(MAP_TOKEN_SIG, rootToken, tokenUri));
        emit TokenMapped(address(rootToken), childToken);
    }

    /// @notice ERC-1155 receiver hooks: the predicate holds deposited tokens
    function onERC1155Received(address, address, uint256, uint256, bytes calldata) external pure returns (bytes4) {
        return this.onERC1155Received.selector;
    }

    function onERC1155BatchReceived(address, address, uint256[] calldata, uint256[] calldata, bytes calldata)
        external
        pure
        returns (bytes4)
    {
        return this.onERC1155BatchReceived.selector;
    }

    function _deposit(IERC1155Like rootToken, address receiver, uint256 tokenId, uint256 amount) private {
        address childToken = _childToken(rootToken);
        rootToken.safeTransferFrom(msg.sender, address(this), tokenId, amount, "");
        stateSender.syncState(
            childERC1155Predicate,
            abi.encode(DEPOSIT_SIG, rootToken, msg.sender, receiver, tokenId, amount)
        );
        emit ERC1155Deposit(address(rootToken), childToken, msg.sender, receiver, tokenId, amount);
    }

    function _childToken(IERC1155Like rootToken) private returns (address childToken) {
        childToken = rootTokenToChildToken[address(rootToken)];
        if (childToken == address(0)) childToken = mapToken(rootToken);
    }

    function _mapped(address rootToken) private view returns (address childToken) {
        childToken = rootTokenToChildToken[rootToken];
        require(childToken != address(0), "RootERC1155Predicate: UNMAPPED_TOKEN");
    }
}
