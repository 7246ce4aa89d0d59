// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {System} from "../common/System.sol";
import {Initializable} from "../common/Initializable.sol";
import {IStateSender} from "../common/BridgeTypes.sol";
import {IChildERC721} from "../common/NftTypes.sol";
import {Clones} from "../lib/Clones.sol";

/// @title ChildERC721Predicate
/// @notice Child side of the ERC-721 bridge at 0x…1006: maps root tokens to clones of the template at
///         0x…1005, mints on deposits (from StateReceiver) and burns on withdrawals, which go out through
///         L2StateSender to the RootERC721Predicate. Payloads per docs/protocol.md "Every asset kind".
/// @dev No constructor: placed with anvil_setCode, then initialize(...) as a system call (sender 0xff…fe).
contract ChildERC721Predicate is System, Initializable {
    bytes32 public constant DEPOSIT_SIG = keccak256("DEPOSIT");
    bytes32 public constant DEPOSIT_BATCH_SIG = keccak256("DEPOSIT_BATCH");
    bytes32 public constant WITHDRAW_SIG = keccak256("WITHDRAW");
    bytes32 public constant WITHDRAW_BATCH_SIG = keccak256("WITHDRAW_BATCH");
    bytes32 public constant MAP_TOKEN_SIG = keccak256("MAP_TOKEN");

    IStateSender public l2StateSender;
    address public stateReceiver;
    address public rootERC721Predicate;
    address public childTokenTemplate;
    mapping(address => address) public rootTokenToChildToken;

    event L2ERC721Deposit(
        address indexed rootToken,
        address indexed childToken,
        address sender,
        address indexed receiver,
        uint256 tokenId
    );
    event L2ERC721DepositBatch(
        address indexed rootToken,
        address indexed childToken,
        address indexed sender,
        address[] receivers,
        uint256[] tokenIds
    );
    event L2ERC721Withdraw(
        address indexed rootToken,
        address indexed childToken,
        address sender,
        address indexed receiver,
        uint256 tokenId
    );
    event L2ERC721WithdrawBatch(
        address indexed rootToken,
        address indexed childToken,
        address indexed sender,
        address[] receivers,
        uint256[] tokenIds
    );
    event L2TokenMapped(address indexed rootToken, address indexed childToken);

    function initialize(
        address newL2StateSender,
        address newStateReceiver,
        address newRootERC721Predicate,
        address newChildTokenTemplate
    ) external onlySystemCall initializer {
        require(
            newL2StateSender != address(0) &&
                newStateReceiver != address(0) &&
                newRootERC721Predicate != address(0) &&
                newChildTokenTemplate != address(0),
            "ChildERC721Predicate: BAD_INITIALIZATION"
        );
        l2StateSender = IStateSender(newL2StateSender);
        stateReceiver = newStateReceiver;
        rootERC721Predicate = newRootERC721Predicate;
        childTokenTemplate = newChildTokenTemplate;
    }

    /// @notice called by StateReceiver with a committed root-chain message
    function onStateReceive(uint256 /* id */, address sender, bytes calldata data) external {
        require(msg.sender == stateReceiver, "ChildERC721Predicate: ONLY_STATE_RECEIVER");
        require(sender == rootERC721Predicate, "ChildERC721Predicate: ONLY_ROOT_PREDICATE");
        bytes32 tag = bytes32(data[:32]);
        if (tag == DEPOSIT_SIG) {
            (address depositToken, address depositor, address receiver, uint256 tokenId) = abi.decode(
                data[32:],
                (address, address, address, uint256)
            );
            IChildERC721 childToken = _mappedChild(depositToken);
            require(childToken.mint(receiver, tokenId), "ChildERC721Predicate: MINT_FAILED");
            emit L2ERC721Deposit(depositToken, address(childToken), depositor, receiver, tokenId);
        } else if (tag == DEPOSIT_BATCH_SIG) {
            (, address depositToken, address depositor, address[] memory receivers, uint256[] memory tokenIds) = abi
                .decode(data, (bytes32, address, address, address[], uint256[]));
            IChildERC721 childToken = _mappedChild(depositToken);
            require(childToken.mintBatch(receivers, tokenIds), "ChildERC721Predicate: MINT_FAILED");
            emit L2ERC721DepositBatch(depositToken, address(childToken), depositor, receivers, tokenIds);
        } else if (tag == MAP_TOKEN_SIG) {
            (, address rootToken, string memory name, string memory symbol) = abi.decode(
                data,
                (bytes32, address, string, string)
            );
            require(rootToken != address(0), "ChildERC721Predicate: INVALID_TOKEN");
            require(rootTokenToChildToken[rootToken] == address(0), "ChildERC721Predicate: ALREADY_MAPPED");
            address childToken = Clones.cloneDeterministic(childTokenTemplate, keccak256(abi.encodePacked(rootToken)));
            rootTokenToChildToken[rootToken] = childToken;
            IChildERC721(childToken).initialize(rootToken, name, symbol);
            emit L2TokenMapped(rootToken, childToken);
        } else {
            revert("ChildERC721Predicate: INVALID_SIGNATURE");
        }
    }

    function withdraw(IChildERC721 childToken, uint256 tokenId) external {
        _withdraw(childToken, msg.sender, tokenId);
    }

    function withdrawTo(IChildERC721 childToken, address receiver, uint256 tokenId) external {
        _withdraw(childToken, receiver, tokenId);
    }

    function withdrawBatch(IChildERC721 childToken, address[] calldata receivers, uint256[] calldata tokenIds)
        external
    {
        address rootToken = _checkedRoot(childToken);
        require(receivers.length == tokenIds.length, "ChildERC721Predicate: INVALID_LENGTH");
        require(childToken.burnBatch(msg.sender, tokenIds), "ChildERC721Predicate: BURN_FAILED");
        l2StateSender.syncState(
            rootERC721Predicate,
            abi.encode(WITHDRAW_BATCH_SIG, rootToken, msg.sender, receivers, tokenIds)
        );
        emit L2ERC721WithdrawBatch(rootToken, address(childToken), msg.sender, receivers, tokenIds);
    }

    function _withdraw(IChildERC721 childToken, address receiver, uint256 tokenId) private {
        address rootToken = _checkedRoot(childToken);
        require(childToken.burn(msg.sender, tokenId), "ChildERC721Predicate: BURN_FAILED");
        l2StateSender.syncState(rootERC721Predicate, abi.encode(WITHDRAW_SIG, rootToken, msg.sender, receiver, tokenId));
        emit L2ERC721Withdraw(rootToken, address(childToken), msg.sender, receiver, tokenId);
    }

    /// @dev a withdrawable child token: an ERC-721 contract this predicate mapped and controls
    function _checkedRoot(IChildERC721 childToken) private view returns (address rootToken) {
        require(_isErc721(address(childToken)), "ChildERC721Predicate: NOT_CONTRACT");
        rootToken = childToken.rootToken();
        require(rootTokenToChildToken[rootToken] == address(childToken), "ChildERC721Predicate: UNMAPPED_TOKEN");
        require(childToken.predicate() == address(this), "ChildERC721Predicate: INVALID_PREDICATE");
    }

    function _mappedChild(address rootToken) private view returns (IChildERC721 childToken) {
        childToken = IChildERC721(rootTokenToChildToken[rootToken]);
        require(address(childToken) != address(0), "ChildERC721Predicate: UNMAPPED_TOKEN");
        require(childToken.rootToken() == rootToken, "ChildERC721Predicate: WRONG_ROOT_TOKEN");
    }

    function _isErc721(address token) private view returns (bool) {
        if (token.code.length == 0) return false;
        try IChildERC721(token).supportsInterface(0x80ac58cd) returns (bool ok) {
            return ok;
        } catch {
            return false;
        }
    }
}
