// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {System} from "../common/System.sol";
import {Initializable} from "../common/Initializable.sol";
import {IStateSender} from "../common/BridgeTypes.sol";
import {IERC721Like} from "../common/NftTypes.sol";
import {Clones} from "../lib/Clones.sol";

/// @title RootMintableERC721Predicate
/// @notice Child side of the child-native ERC-721 bridge at 0x…100a: holds child-native NFTs in escrow for
///         deposits (single and batch) to the root chain, sent through L2StateSender to the
///         ChildMintableERC721Predicate on the root, and hands them out again when a WITHDRAW or
///         WITHDRAW_BATCH state sync from that predicate is executed. Payloads per docs/protocol.md.
/// @dev No constructor: placed with anvil_setCode, then initialize(...) as a system call (sender 0xff…fe).
contract RootMintableERC721Predicate is System, Initializable {
    bytes32 public constant DEPOSIT_SIG = keccak256("DEPOSIT");
    bytes32 public constant DEPOSIT_BATCH_SIG = keccak256("DEPOSIT_BATCH");
    bytes32 public constant WITHDRAW_SIG = keccak256("WITHDRAW");
    bytes32 public constant WITHDRAW_BATCH_SIG = keccak256("WITHDRAW_BATCH");
    bytes32 public constant MAP_TOKEN_SIG = keccak256("MAP_TOKEN");

    IStateSender public l2StateSender;
    address public stateReceiver;
    /// @dev the ChildMintableERC721Predicate on the root chain
    address public childERC721Predicate;
    /// @dev the root-chain template the root predicate clones per token
    address public childTokenTemplate;
    mapping(address => address) public rootTokenToChildToken;

    event L2MintableERC721Deposit(
        address indexed rootToken,
        address indexed childToken,
        address depositor,
        address indexed receiver,
        uint256 tokenId
    );
    event L2MintableERC721DepositBatch(
        address indexed rootToken,
        address indexed childToken,
        address indexed depositor,
        address[] receivers,
        uint256[] tokenIds
    );
    event L2MintableERC721Withdraw(
        address indexed rootToken,
        address indexed childToken,
        address withdrawer,
        address indexed receiver,
        uint256 tokenId
    );
    event L2MintableERC721WithdrawBatch(
        address indexed rootToken,
        address indexed childToken,
        address indexed withdrawer,
        address[] receivers,
        uint256[] tokenIds
    );
    event L2MintableTokenMapped(address indexed rootToken, address indexed childToken);

    function initialize(
        address newL2StateSender,
        address newStateReceiver,
        address newChildERC721Predicate,
        address newChildTokenTemplate
    ) external onlySystemCall initializer {
        require(
            newL2StateSender != address(0) &&
                newStateReceiver != address(0) &&
                newChildERC721Predicate != address(0) &&
                newChildTokenTemplate != address(0),
            "RootMintableERC721Predicate: BAD_INITIALIZATION"
        );
        l2StateSender = IStateSender(newL2StateSender);
        stateReceiver = newStateReceiver;
        childERC721Predicate = newChildERC721Predicate;
        childTokenTemplate = newChildTokenTemplate;
    }

    /// @notice called by StateReceiver with a committed root-chain message (NFTs coming back)
    function onStateReceive(uint256 /* id */, address sender, bytes calldata data) external {
        require(msg.sender == stateReceiver, "RootMintableERC721Predicate: ONLY_STATE_RECEIVER");
        require(sender == childERC721Predicate, "RootMintableERC721Predicate: ONLY_CHILD_PREDICATE");
        bytes32 tag = bytes32(data[:32]);
        if (tag == WITHDRAW_SIG) {
            (address token, address withdrawer, address receiver, uint256 tokenId) = abi.decode(
                data[32:],
                (address, address, address, uint256)
            );
            address mirror = _mirrorOf(token);
            IERC721Like(token).safeTransferFrom(address(this), receiver, tokenId);
            emit L2MintableERC721Withdraw(token, mirror, withdrawer, receiver, tokenId);
        } else if (tag == WITHDRAW_BATCH_SIG) {
            (, address token, address withdrawer, address[] memory receivers, uint256[] memory tokenIds) = abi
                .decode(data, (bytes32, address, address, address[], uint256[]));
            address mirror = _mirrorOf(token);
            for (uint256 i = 0; i < tokenIds.length; i++) {
                IERC721Like(token).safeTransferFrom(address(this), receivers[i], tokenIds[i]);
            }
            emit L2MintableERC721WithdrawBatch(token, mirror, withdrawer, receivers, tokenIds);
        } else {
            revert("RootMintableERC721Predicate: INVALID_SIGNATURE");
        }
    }

    function deposit(IERC721Like rootToken, uint256 tokenId) external {
        _escrow(rootToken, msg.sender, tokenId);
    }

    function depositTo(IERC721Like rootToken, address receiver, uint256 tokenId) external {
        _escrow(rootToken, receiver, tokenId);
    }

    function depositBatch(IERC721Like rootToken, address[] calldata receivers, uint256[] calldata tokenIds) external {
        require(receivers.length == tokenIds.length, "RootMintableERC721Predicate: INVALID_LENGTH");
        address mirror = _mirrorOrMap(rootToken);
        for (uint256 i = 0; i < tokenIds.length; i++) {
            rootToken.safeTransferFrom(msg.sender, address(this), tokenIds[i]);
        }
        l2StateSender.syncState(
            childERC721Predicate,
            abi.encode(DEPOSIT_BATCH_SIG, rootToken, msg.sender, receivers, tokenIds)
        );
        emit L2MintableERC721DepositBatch(address(rootToken), mirror, msg.sender, receivers, tokenIds);
    }

    /// @notice sends MAP_TOKEN(token, name, symbol) to the root predicate
    /// @return childToken the address the mirror will have on the root chain
    function mapToken(IERC721Like rootToken) public returns (address childToken) {
        require(address(rootToken) != address(0), "RootMintableERC721Predicate: INVALID_TOKEN");
        require(
            rootTokenToChildToken[address(rootToken)] == address(0),
            "RootMintableERC721Predicate: ALREADY_MAPPED"
        );
        childToken = Clones.predictDeterministicAddress(
            childTokenTemplate,
            keccak256(abi.encodePacked(rootToken)),
            childERC721Predicate
        );
        rootTokenToChildToken[address(rootToken)] = childToken;
        l2StateSender.syncState(
            childERC721Predicate,
            abi.encode(MAP_TOKEN_SIG, rootToken, rootToken.name(), rootToken.symbol())
        );
        emit L2MintableTokenMapped(address(rootToken), childToken);
    }

    function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
        return this.onERC721Received.selector;
    }

    function _escrow(IERC721Like rootToken, address receiver, uint256 tokenId) private {
        address mirror = _mirrorOrMap(rootToken);
        rootToken.safeTransferFrom(msg.sender, address(this), tokenId);
        l2StateSender.syncState(childERC721Predicate, abi.encode(DEPOSIT_SIG, rootToken, msg.sender, receiver, tokenId));
        emit L2MintableERC721Deposit(address(rootToken), mirror, msg.sender, receiver, tokenId);
    }

    function _mirrorOrMap(IERC721Like rootToken) private returns (address mirror) {
        mirror = rootTokenToChildToken[address(rootToken)];
        if (mirror == address(0)) mirror = mapToken(rootToken);
    }

    function _mirrorOf(address token) private view returns (address mirror) {
        mirror = rootTokenToChildToken[token];
        assert(mirror != address(0)); // the root side mints only for tokens mapped here first
    }
}
