// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {System} from "../common/System.sol";
import {Initializable} from "../common/Initializable.sol";
import {IStateSender} from "../common/BridgeTypes.sol";
import {IChildERC1155} from "../common/NftTypes.sol";
import {Clones} from "../lib/Clones.sol";

/// @title ChildERC1155Predicate
/// @notice Child side of the ERC-1155 bridge at 0x…1008: maps root tokens to clones of the template at
///         0x…1007, mints on deposits (from StateReceiver) and burns on withdrawals, which go out through
///         L2StateSender to the RootERC1155Predicate. Payloads per docs/protocol.md "Every asset kind".
/// @dev No constructor: placed with anvil_setCode, then initialize(...) as a system call (sender 0xff…fe).
contract ChildERC1155Predicate is System, Initializable {
    bytes32 public constant DEPOSIT_SIG = keccak256("DEPOSIT");
    bytes32 public constant DEPOSIT_BATCH_SIG = keccak256("DEPOSIT_BATCH");
    bytes32 public constant WITHDRAW_SIG = keccak256("WITHDRAW");
    bytes32 public constant WITHDRAW_BATCH_SIG = keccak256("WITHDRAW_BATCH");
    bytes32 public constant MAP_TOKEN_SIG = keccak256("MAP_TOKEN");

    IStateSender public l2StateSender;
    address public stateReceiver;
    address public rootERC1155Predicate;
    address public childTokenTemplate;
    mapping(address => address) public rootTokenToChildToken;

    event L2ERC1155Deposit(
        address indexed rootToken,
        address indexed childToken,
        address sender,
        address indexed receiver,
        uint256 tokenId,
        uint256 amount
    );
    event L2ERC1155DepositBatch(
        address indexed rootToken,
        address indexed childToken,
        address indexed sender,
        address[] receivers,
        uint256[] tokenIds,
        uint256[] amounts
    );
    event L2ERC1155Withdraw(
        address indexed rootToken,
        address indexed childToken,
        address sender,
        address indexed receiver,
        uint256 tokenId,
        uint256 amount
    );
    event L2ERC1155WithdrawBatch(
        address indexed rootToken,
        address indexed childToken,
        address indexed sender,
        address[] receivers,
        uint256[] tokenIds,
        uint256[] amounts
    );
    event L2TokenMapped(address indexed rootToken, address indexed childToken);

    function initialize(
        address newL2StateSender,
        address newStateReceiver,
        address newRootERC1155Predicate,
        address newChildTokenTemplate
    ) external onlySystemCall initializer {
        require(
            newL2StateSender != address(0) &&
                newStateReceiver != address(0) &&
                newRootERC1155Predicate != address(0) &&
                newChildTokenTemplate != address(0),
            "ChildERC1155Predicate: BAD_INITIALIZATION"
        );
        l2StateSender = IStateSender(newL2StateSender);
        stateReceiver = newStateReceiver;
        rootERC1155Predicate = newRootERC1155Predicate;
        childTokenTemplate = newChildTokenTemplate;
    }

    /// @notice called by StateReceiver with a committed root-chain message
    function onStateReceive(uint256 /* id */, address sender, bytes calldata data) external {
        require(msg.sender == stateReceiver, "ChildERC1155Predicate: ONLY_STATE_RECEIVER");
        require(sender == rootERC1155Predicate, "ChildERC1155Predicate: ONLY_ROOT_PREDICATE");
        bytes32 tag = bytes32(data[:32]);
        if (tag == DEPOSIT_SIG) {
            (address depositToken, address depositor, address receiver, uint256 tokenId, uint256 amount) = abi
                .decode(data[32:], (address, address, address, uint256, uint256));
            IChildERC1155 childToken = _mappedChild(depositToken);
            require(childToken.mint(receiver, tokenId, amount), "ChildERC1155Predicate: MINT_FAILED");
            emit L2ERC1155Deposit(depositToken, address(childToken), depositor, receiver, tokenId, amount);
        } else if (tag == DEPOSIT_BATCH_SIG) {
            (
                ,
                address depositToken,
                address depositor,
                address[] memory receivers,
                uint256[] memory tokenIds,
                uint256[] memory amounts
            ) = abi.decode(data, (bytes32, address, address, address[], uint256[], uint256[]));
            IChildERC1155 childToken = _mappedChild(depositToken);
            require(childToken.mintBatch(receivers, tokenIds, amounts), "ChildERC1155Predicate: MINT_FAILED");
            emit L2ERC1155DepositBatch(depositToken, address(childToken), depositor, receivers, tokenIds, amounts);
        } else if (tag == MAP_TOKEN_SIG) {
            (, address rootToken, string memory tokenUri) = abi.decode(data, (bytes32, address, string));
            require(rootToken != address(0), "ChildERC1155Predicate: INVALID_TOKEN");
            require(rootTokenToChildToken[rootToken] == address(0), "ChildERC1155Predicate: ALREADY_MAPPED");
            address childToken = Clones.cloneDeterministic(childTokenTemplate, keccak256(abi.encodePacked(rootToken)));
            rootTokenToChildToken[rootToken] = childToken;
            IChildERC1155(childToken).initialize(rootToken, tokenUri);
            emit L2TokenMapped(rootToken, childToken);
        } else {
            revert("ChildERC1155Predicate: INVALID_SIGNATURE");
        }
    }

    function withdraw(IChildERC1155 childToken, uint256 tokenId, uint256 amount) external {
        _withdraw(childToken, msg.sender, tokenId, amount);
    }

    function withdrawTo(IChildERC1155 childToken, address receiver, uint256 tokenId, uint256 amount) external {
        _withdraw(childToken, receiver, tokenId, amount);
    }

    function withdrawBatch(
        IChildERC1155 childToken,
        address[] calldata receivers,
        uint256[] calldata tokenIds,
        uint256[] calldata amounts
    ) external {
        address rootToken = _checkedRoot(childToken);
        require(
            receivers.length == tokenIds.length && tokenIds.length == amounts.length,
            "ChildERC1155Predicate: INVALID_LENGTH"
        );
        require(childToken.burnBatch(msg.sender, tokenIds, amounts), "ChildERC1155Predicate: BURN_FAILED");
        l2StateSender.syncState(
            rootERC1155Predicate,
            abi.encode(WITHDRAW_BATCH_SIG, rootToken, msg.sender, receivers, tokenIds, amounts)
        );
        emit L2ERC1155WithdrawBatch(rootToken, address(childToken), msg.sender, receivers, tokenIds, amounts);
    }

    function _withdraw(IChildERC1155 childToken, address receiver, uint256 tokenId, uint256 amount) private {
        address rootToken = _checkedRoot(childToken);
        require(childToken.burn(msg.sender, tokenId, amount), "ChildERC1155Predicate: BURN_FAILED");
        l2StateSender.syncState(
            rootERC1155Predicate,
            abi.encode(WITHDRAW_SIG, rootToken, msg.sender, receiver, tokenId, amount)
        );
        emit L2ERC1155Withdraw(rootToken, address(childToken), msg.sender, receiver, tokenId, amount);
    }

    /// @dev a withdrawable child token: an ERC-1155 contract this predicate mapped and controls
    function _checkedRoot(IChildERC1155 childToken) private view returns (address rootToken) {
        require(_isErc1155(address(childToken)), "ChildERC1155Predicate: NOT_CONTRACT");
        rootToken = childToken.rootToken();
        require(rootTokenToChildToken[rootToken] == address(childToken), "ChildERC1155Predicate: UNMAPPED_TOKEN");
        require(childToken.predicate() == address(this), "ChildERC1155Predicate: INVALID_PREDICATE");
    }

    function _mappedChild(address rootToken) private view returns (IChildERC1155 childToken) {
        childToken = IChildERC1155(rootTokenToChildToken[rootToken]);
        require(address(childToken) != address(0), "ChildERC1155Predicate: UNMAPPED_TOKEN");
        require(childToken.rootToken() == rootToken, "ChildERC1155Predicate: WRONG_ROOT_TOKEN");
    }

    function _isErc1155(address token) private view returns (bool) {
        if (token.code.length == 0) return false;
        try IChildERC1155(token).supportsInterface(0xd9b67a26) returns (bool ok) {
            return ok;
        } catch {
            return false;
        }
    }
}
