// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Initializable} from "../common/Initializable.sol";
import {IStateSender} from "../common/BridgeTypes.sol";
import {IChildERC1155} from "../common/NftTypes.sol";
import {Clones} from "../lib/Clones.sol";

/// @title ChildMintableERC1155Predicate
/// @notice Root side of the child-native ERC-1155 bridge: on proven child messages (from ExitHelper) it
///         creates a mirror per child-native token (MAP_TOKEN, a CREATE2 clone of a ChildERC1155 template
///         on the root, initialised with the token's URI) and mints mirrored amounts (DEPOSIT,
///         DEPOSIT_BATCH); withdrawals burn them and send WITHDRAW / WITHDRAW_BATCH through StateSender
///         to 0x…100b on the child.
/// @dev Deploy with no arguments, then initialize(stateSender, exitHelper, 0x…100b, childTokenTemplate).
contract ChildMintableERC1155Predicate is Initializable {
    bytes32 public constant DEPOSIT_SIG = keccak256("DEPOSIT");
    bytes32 public constant DEPOSIT_BATCH_SIG = keccak256("DEPOSIT_BATCH");
    bytes32 public constant WITHDRAW_SIG = keccak256("WITHDRAW");
    bytes32 public constant WITHDRAW_BATCH_SIG = keccak256("WITHDRAW_BATCH");
    bytes32 public constant MAP_TOKEN_SIG = keccak256("MAP_TOKEN");

    IStateSender public stateSender;
    address public exitHelper;
    /// @dev the RootMintableERC1155Predicate on the child chain
    address public rootERC1155Predicate;
    address public childTokenTemplate;
    mapping(address => address) public rootTokenToChildToken;

    event MintableERC1155Deposit(
        address indexed rootToken,
        address indexed childToken,
        address sender,
        address indexed receiver,
        uint256 tokenId,
        uint256 amount
    );
    event MintableERC1155DepositBatch(
        address indexed rootToken,
        address indexed childToken,
        address indexed sender,
        address[] receivers,
        uint256[] tokenIds,
        uint256[] amounts
    );
    event MintableERC1155Withdraw(
        address indexed rootToken,
        address indexed childToken,
        address sender,
        address indexed receiver,
        uint256 tokenId,
        uint256 amount
    );
    event MintableERC1155WithdrawBatch(
        address indexed rootToken,
        address indexed childToken,
        address indexed sender,
        address[] receivers,
        uint256[] tokenIds,
        uint256[] amounts
    );
    event MintableTokenMapped(address indexed rootToken, address indexed childToken);

    function initialize(
        address newStateSender,
        address newExitHelper,
        address newRootERC1155Predicate,
        address newChildTokenTemplate
    ) external initializer {
        require(
            newStateSender != address(0) &&
                newExitHelper != address(0) &&
                newRootERC1155Predicate != address(0) &&
                newChildTokenTemplate != address(0),
            "ChildMintableERC1155Predicate: BAD_INITIALIZATION"
        );
        stateSender = IStateSender(newStateSender);
        exitHelper = newExitHelper;
        rootERC1155Predicate = newRootERC1155Predicate;
        childTokenTemplate = newChildTokenTemplate;
    }

    /// @notice called by ExitHelper with a proven child-chain message
    function onL2StateReceive(uint256 /* id */, address sender, bytes calldata data) external {
        require(msg.sender == exitHelper, "ChildMintableERC1155Predicate: ONLY_EXIT_HELPER");
        require(sender == rootERC1155Predicate, "ChildMintableERC1155Predicate: ONLY_ROOT_PREDICATE");
        bytes32 tag = bytes32(data[:32]);
        if (tag == DEPOSIT_SIG) {
            (address token, address depositor, address receiver, uint256 tokenId, uint256 amount) = abi.decode(
                data[32:],
                (address, address, address, uint256, uint256)
            );
            IChildERC1155 mirror = _mirror(token);
            require(mirror.mint(receiver, tokenId, amount), "ChildMintableERC1155Predicate: MINT_FAILED");
            emit MintableERC1155Deposit(token, address(mirror), depositor, receiver, tokenId, amount);
        } else if (tag == DEPOSIT_BATCH_SIG) {
            (
                ,
                address token,
                address depositor,
                address[] memory receivers,
                uint256[] memory tokenIds,
                uint256[] memory amounts
            ) = abi.decode(data, (bytes32, address, address, address[], uint256[], uint256[]));
            IChildERC1155 mirror = _mirror(token);
            require(mirror.mintBatch(receivers, tokenIds, amounts), "ChildMintableERC1155Predicate: MINT_FAILED");
            emit MintableERC1155DepositBatch(token, address(mirror), depositor, receivers, tokenIds, amounts);
        } else if (tag == MAP_TOKEN_SIG) {
            (, address token, string memory tokenUri) = abi.decode(data, (bytes32, address, string));
            assert(token != address(0));
            assert(rootTokenToChildToken[token] == address(0));
            address mirror = Clones.cloneDeterministic(childTokenTemplate, keccak256(abi.encodePacked(token)));
            rootTokenToChildToken[token] = mirror;
            IChildERC1155(mirror).initialize(token, tokenUri);
            emit MintableTokenMapped(token, mirror);
        } else {
            revert("ChildMintableERC1155Predicate: INVALID_SIGNATURE");
        }
    }

    function withdraw(IChildERC1155 childToken, uint256 tokenId, uint256 amount) external {
        _burn(childToken, msg.sender, tokenId, amount);
    }

    function withdrawTo(IChildERC1155 childToken, address receiver, uint256 tokenId, uint256 amount) external {
        _burn(childToken, receiver, tokenId, amount);
    }

    function withdrawBatch(
        IChildERC1155 childToken,
        address[] calldata receivers,
        uint256[] calldata tokenIds,
        uint256[] calldata amounts
    ) external {
        address token = _checkedToken(childToken);
        require(
            receivers.length == tokenIds.length && tokenIds.length == amounts.length,
            "ChildMintableERC1155Predicate: INVALID_LENGTH"
        );
        require(childToken.burnBatch(msg.sender, tokenIds, amounts), "ChildMintableERC1155Predicate: BURN_FAILED");
        stateSender.syncState(
            rootERC1155Predicate,
            abi.encode(WITHDRAW_BATCH_SIG, token, msg.sender, receivers, tokenIds, amounts)
        );
        emit MintableERC1155WithdrawBatch(token, address(childToken), msg.sender, receivers, tokenIds, amounts);
    }

    function _burn(IChildERC1155 childToken, address receiver, uint256 tokenId, uint256 amount) private {
        address token = _checkedToken(childToken);
        require(childToken.burn(msg.sender, tokenId, amount), "ChildMintableERC1155Predicate: BURN_FAILED");
        stateSender.syncState(
            rootERC1155Predicate,
            abi.encode(WITHDRAW_SIG, token, msg.sender, receiver, tokenId, amount)
        );
        emit MintableERC1155Withdraw(token, address(childToken), msg.sender, receiver, tokenId, amount);
    }

    /// @dev a withdrawable mirror: an ERC-1155 contract this predicate created for its token
    function _checkedToken(IChildERC1155 childToken) private view returns (address token) {
        require(_isErc1155(address(childToken)), "ChildMintableERC1155Predicate: NOT_CONTRACT");
        token = childToken.rootToken();
        require(rootTokenToChildToken[token] == address(childToken), "ChildMintableERC1155Predicate: UNMAPPED_TOKEN");
        assert(token != address(0));
        assert(childToken.predicate() == address(this));
    }

    function _mirror(address token) private view returns (IChildERC1155 mirror) {
        mirror = IChildERC1155(rootTokenToChildToken[token]);
        require(address(mirror) != address(0), "ChildMintableERC1155Predicate: UNMAPPED_TOKEN");
        assert(mirror.rootToken() == token);
        assert(mirror.predicate() == address(this));
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
