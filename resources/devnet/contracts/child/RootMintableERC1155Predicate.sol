// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {System} from "../common/System.sol";
import {Initializable} from "../common/Initializable.sol";
import {IStateSender} from "../common/BridgeTypes.sol";
import {IERC1155Like} from "../common/NftTypes.sol";
import {Clones} from "../lib/Clones.sol";

/// @title RootMintableERC1155Predicate
/// @notice Child side of the child-native ERC-1155 bridge at 0x…100b: escrows child-native ERC-1155
///         tokens for deposits (single and batch, one receiver per id/amount pair) to the root chain,
///         announced through L2StateSender to the ChildMintableERC1155Predicate on the root, and pays
///         them out again when a WITHDRAW or WITHDRAW_BATCH state sync from that predicate executes.
///         Payloads per docs/protocol.md; MAP_TOKEN carries (token, uri(0)), "" when uri reverts.
/// @dev No constructor: placed with anvil_setCode, then initialize(...) as a system call (sender 0xff…fe).
contract RootMintableERC1155Predicate is System, Initializable {
    bytes32 public constant DEPOSIT_SIG = keccak256("DEPOSIT");
    bytes32 public constant DEPOSIT_BATCH_SIG = keccak256("DEPOSIT_BATCH");
    bytes32 public constant WITHDRAW_SIG = keccak256("WITHDRAW");
    bytes32 public constant WITHDRAW_BATCH_SIG = keccak256("WITHDRAW_BATCH");
    bytes32 public constant MAP_TOKEN_SIG = keccak256("MAP_TOKEN");

    IStateSender public l2StateSender;
    address public stateReceiver;
    /// @dev the ChildMintableERC1155Predicate on the root chain
    address public childERC1155Predicate;
    /// @dev the root-chain template the root predicate clones per token
    address public childTokenTemplate;
    mapping(address => address) public rootTokenToChildToken;

    event L2MintableERC1155Deposit(
        address indexed rootToken,
        address indexed childToken,
        address depositor,
        address indexed receiver,
        uint256 tokenId,
        uint256 amount
    );
    event L2MintableERC1155DepositBatch(
        address indexed rootToken,
        address indexed childToken,
        address indexed depositor,
        address[] receivers,
        uint256[] tokenIds,
        uint256[] amounts
    );
    event L2MintableERC1155Withdraw(
        address indexed rootToken,
        address indexed childToken,
        address withdrawer,
        address indexed receiver,
        uint256 tokenId,
        uint256 amount
    );
    event L2MintableERC1155WithdrawBatch(
        address indexed rootToken,
        address indexed childToken,
        address indexed withdrawer,
        address[] receivers,
        uint256[] tokenIds,
        uint256[] amounts
    );
    event L2MintableTokenMapped(address indexed rootToken, address indexed childToken);

    function initialize(
        address newL2StateSender,
        address newStateReceiver,
        address newChildERC1155Predicate,
        address newChildTokenTemplate
    ) external onlySystemCall initializer {
        require(
            newL2StateSender != address(0) &&
                newStateReceiver != address(0) &&
                newChildERC1155Predicate != address(0) &&
                newChildTokenTemplate != address(0),
            "RootMintableERC1155Predicate: BAD_INITIALIZATION"
        );
        l2StateSender = IStateSender(newL2StateSender);
        stateReceiver = newStateReceiver;
        childERC1155Predicate = newChildERC1155Predicate;
        childTokenTemplate = newChildTokenTemplate;
    }

    /// @notice called by StateReceiver with a committed root-chain message (tokens coming back)
    function onStateReceive(uint256 /* id */, address sender, bytes calldata data) external {
        require(msg.sender == stateReceiver, "RootMintableERC1155Predicate: ONLY_STATE_RECEIVER");
        require(sender == childERC1155Predicate, "RootMintableERC1155Predicate: ONLY_CHILD_PREDICATE");
        bytes32 tag = bytes32(data[:32]);
        if (tag == WITHDRAW_SIG) {
            (address token, address withdrawer, address receiver, uint256 tokenId, uint256 amount) = abi.decode(
                data[32:],
                (address, address, address, uint256, uint256)
            );
            address mirror = _mirrorOf(token);
            IERC1155Like(token).safeTransferFrom(address(this), receiver, tokenId, amount, "");
            emit L2MintableERC1155Withdraw(token, mirror, withdrawer, receiver, tokenId, amount);
        } else if (tag == WITHDRAW_BATCH_SIG) {
            (
                ,
                address token,
                address withdrawer,
                address[] memory receivers,
                uint256[] memory tokenIds,
                uint256[] memory amounts
            ) = abi.decode(data, (bytes32, address, address, address[], uint256[], uint256[]));
            address mirror = _mirrorOf(token);
            for (uint256 i = 0; i < tokenIds.length; i++) {
                IERC1155Like(token).safeTransferFrom(address(this), receivers[i], tokenIds[i], amounts[i], "");
            }
            emit L2MintableERC1155WithdrawBatch(token, mirror, withdrawer, receivers, tokenIds, amounts);
        } else {
            revert("RootMintableERC1155Predicate: INVALID_SIGNATURE");
        }
    }

    function deposit(IERC1155Like rootToken, uint256 tokenId, uint256 amount) external {
        _escrow(rootToken, msg.sender, tokenId, amount);
    }

    function depositTo(IERC1155Like rootToken, address receiver, uint256 tokenId, uint256 amount) external {
        _escrow(rootToken, receiver, tokenId, amount);
    }

    function depositBatch(
        IERC1155Like rootToken,
        address[] calldata receivers,
        uint256[] calldata tokenIds,
        uint256[] calldata amounts
    ) external {
        require(
            receivers.length == tokenIds.length && receivers.length == amounts.length,
            "RootMintableERC1155Predicate: INVALID_LENGTH"
        );
        address mirror = _mirrorOrMap(rootToken);
        for (uint256 i = 0; i < tokenIds.length; i++) {
            rootToken.safeTransferFrom(msg.sender, address(this), tokenIds[i], amounts[i], "");
        }
        l2StateSender.syncState(
            childERC1155Predicate,
            abi.encode(DEPOSIT_BATCH_SIG, rootToken, msg.sender, receivers, tokenIds, amounts)
        );
        emit L2MintableERC1155DepositBatch(address(rootToken), mirror, msg.sender, receivers, tokenIds, amounts);
    }

    /// @notice sends MAP_TOKEN(token, uri(0)) to the root predicate
    /// @return childToken the address the mirror will have on the root chain
    function mapToken(IERC1155Like rootToken) public returns (address childToken) {
        require(address(rootToken) != address(0), "RootMintableERC1155Predicate: INVALID_TOKEN");
        require(
            rootTokenToChildToken[address(rootToken)] == address(0),
            "RootMintableERC1155Predicate: ALREADY_MAPPED"
        );
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
        l2StateSender.syncState(childERC1155Predicate, abi.encode(MAP_TOKEN_SIG, rootToken, tokenUri));
        emit L2MintableTokenMapped(address(rootToken), childToken);
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

    function _escrow(IERC1155Like rootToken, address receiver, uint256 tokenId, uint256 amount) private {
        address mirror = _mirrorOrMap(rootToken);
        rootToken.safeTransferFrom(msg.sender, address(this), tokenId, amount, "");
        l2StateSender.syncState(
            childERC1155Predicate,
            abi.encode(DEPOSIT_SIG, rootToken, msg.sender, receiver, tokenId, amount)
        );
        emit L2MintableERC1155Deposit(address(rootToken), mirror, msg.sender, receiver, tokenId, amount);
    }

    function _mirrorOrMap(IERC1155Like rootToken) private returns (address mirror) {
        mirror = rootTokenToChildToken[address(rootToken)];
        if (mirror == address(0)) mirror = mapToken(rootToken);
    }

    function _mirrorOf(address token) private view returns (address mirror) {
        mirror = rootTokenToChildToken[token];
        assert(mirror != address(0)); // the root side mints only for tokens mapped here first
    }
}
