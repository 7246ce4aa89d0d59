// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Initializable} from "../common/Initializable.sol";
import {IStateSender} from "../common/BridgeTypes.sol";
import {IERC721Like} from "../common/NftTypes.sol";
import {Clones} from "../lib/Clones.sol";

/// @title RootERC721Predicate
/// @notice Escrows root ERC-721 tokens for deposits (single or batch, one receiver per id) to the child
///         chain and releases them on proven withdrawals (called by ExitHelper). Payloads per
///         docs/protocol.md "Every asset kind". An unmapped token is mapped on first deposit: MAP_TOKEN
///         (token, name, symbol) goes out first; the child token is the CREATE2 clone of the template.
/// @dev Deploy with no arguments, then initialize(stateSender, exitHelper, childERC721Predicate, childTokenTemplate).
contract RootERC721Predicate is Initializable {
    bytes32 public constant DEPOSIT_SIG = keccak256("DEPOSIT");
    bytes32 public constant DEPOSIT_BATCH_SIG = keccak256("DEPOSIT_BATCH");
    bytes32 public constant WITHDRAW_SIG = keccak256("WITHDRAW");
    bytes32 public constant WITHDRAW_BATCH_SIG = keccak256("WITHDRAW_BATCH");
    bytes32 public constant MAP_TOKEN_SIG = keccak256("MAP_TOKEN");

    IStateSender public stateSender;
    address public exitHelper;
    address public childERC721Predicate;
    address public childTokenTemplate;
    mapping(address => address) public rootTokenToChildToken;

    event ERC721Deposit(
        address indexed rootToken,
        address indexed childToken,
        address depositor,
        address indexed receiver,
        uint256 tokenId
    );
    event ERC721DepositBatch(
        address indexed rootToken,
        address indexed childToken,
        address indexed depositor,
        address[] receivers,
        uint256[] tokenIds
    );
    event ERC721Withdraw(
        address indexed rootToken,
        address indexed childToken,
        address withdrawer,
        address indexed receiver,
        uint256 tokenId
    );
    event ERC721WithdrawBatch(
        address indexed rootToken,
        address indexed childToken,
        address indexed withdrawer,
        address[] receivers,
        uint256[] tokenIds
    );
    event TokenMapped(address indexed rootToken, address indexed childToken);

    function initialize(
        address newStateSender,
        address newExitHelper,
        address newChildERC721Predicate,
        address newChildTokenTemplate
    ) external initializer {
        require(
            newStateSender != address(0) &&
                newExitHelper != address(0) &&
                newChildERC721Predicate != address(0) &&
                newChildTokenTemplate != address(0),
            "RootERC721Predicate: BAD_INITIALIZATION"
        );
        stateSender = IStateSender(newStateSender);
        exitHelper = newExitHelper;
        childERC721Predicate = newChildERC721Predicate;
        childTokenTemplate = newChildTokenTemplate;
    }

    /// @notice called by ExitHelper with a proven child-chain message
    function onL2StateReceive(uint256 /* id */, address sender, bytes calldata data) external {
        require(msg.sender == exitHelper, "RootERC721Predicate: ONLY_EXIT_HELPER");
        require(sender == childERC721Predicate, "RootERC721Predicate: ONLY_CHILD_PREDICATE");
        bytes32 tag = bytes32(data[:32]);
        if (tag == WITHDRAW_SIG) {
            (address rootToken, address withdrawer, address receiver, uint256 tokenId) = abi.decode(
                data[32:],
                (address, address, address, uint256)
            );
            address childToken = _mapped(rootToken);
            IERC721Like(rootToken).safeTransferFrom(address(this), receiver, tokenId);
            emit ERC721Withdraw(rootToken, childToken, withdrawer, receiver, tokenId);
        } else if (tag == WITHDRAW_BATCH_SIG) {
            (, address rootToken, address withdrawer, address[] memory receivers, uint256[] memory tokenIds) = abi
                .decode(data, (bytes32, address, address, address[], uint256[]));
            address childToken = _mapped(rootToken);
            for (uint256 i = 0; i < tokenIds.length; i++) {
                IERC721Like(rootToken).safeTransferFrom(address(this), receivers[i], tokenIds[i]);
            }
            emit ERC721WithdrawBatch(rootToken, childToken, withdrawer, receivers, tokenIds);
        } else {
            revert("RootERC721Predicate: INVALID_SIGNATURE");
        }
    }

    function deposit(IERC721Like rootToken, uint256 tokenId) external {
        _deposit(rootToken, msg.sender, tokenId);
    }

    function depositTo(IERC721Like rootToken, address receiver, uint256 tokenId) external {
        _deposit(rootToken, receiver, tokenId);
    }

    function depositBatch(IERC721Like rootToken, address[] calldata receivers, uint256[] calldata tokenIds) external {
        require(receivers.length == tokenIds.length, "RootERC721Predicate: INVALID_LENGTH");
        address childToken = _childToken(rootToken);
        for (uint256 i = 0; i < tokenIds.length; i++) {
            rootToken.safeTransferFrom(msg.sender, address(this), tokenIds[i]);
        }
        stateSender.syncState(
            childERC721Predicate,
            abi.encode(DEPOSIT_BATCH_SIG, rootToken, msg.sender, receivers, tokenIds)
        );
        emit ERC721DepositBatch(address(rootToken), childToken, msg.sender, receivers, tokenIds);
    }

    /// @notice sends MAP_TOKEN(rootToken, name, symbol) to the child predicate
    function mapToken(IERC721Like rootToken) public returns (address childToken) {
        require(address(rootToken) != address(0), "RootERC721Predicate: INVALID_TOKEN");
        require(rootTokenToChildToken[address(rootToken)] == address(0), "RootERC721Predicate: ALREADY_MAPPED");
        childToken = Clones.predictDeterministicAddress(
            childTokenTemplate,
            keccak256(abi.encodePacked(rootToken)),
            childERC721Predicate
        );
        rootTokenToChildToken[address(rootToken)] = childToken;
        stateSender.syncState(
            childERC721Predicate,
            abi.encode(MAP_TOKEN_SIG, rootToken, rootToken.name(), rootToken.symbol())
        );
        emit TokenMapped(address(rootToken), childToken);
    }

    /// @notice ERC-721 receiver hook: the predicate holds deposited tokens
    function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
        return this.onERC721Received.selector;
    }

    function _deposit(IERC721Like rootToken, address receiver, uint256 tokenId) private {
        address childToken = _childToken(rootToken);
        rootToken.safeTransferFrom(msg.sender, address(this), tokenId);
        stateSender.syncState(childERC721Predicate, abi.encode(DEPOSIT_SIG, rootToken, msg.sender, receiver, tokenId));
        emit ERC721Deposit(address(rootToken), childToken, msg.sender, receiver, tokenId);
    }

    function _childToken(IERC721Like rootToken) private returns (address childToken) {
        childToken = rootTokenToChildToken[address(rootToken)];
        if (childToken == address(0)) childToken = mapToken(rootToken);
    }

    function _mapped(address rootToken) private view returns (address childToken) {
        childToken = rootTokenToChildToken[rootToken];
        require(childToken != address(0), "RootERC721Predicate: UNMAPPED_TOKEN");
    }
}
