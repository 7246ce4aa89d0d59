// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Initializable} from "../common/Initializable.sol";
import {IStateSender} from "../common/BridgeTypes.sol";
import {IChildERC721} from "../common/NftTypes.sol";
import {Clones} from "../lib/Clones.sol";

/// @title ChildMintableERC721Predicate
/// @notice Root side of the child-native ERC-721 bridge: on proven child messages (from ExitHelper) it
///         creates a mirror per child-native collection (MAP_TOKEN, a CREATE2 clone of a ChildERC721
///         template on the root) and mints mirrored ids (DEPOSIT, DEPOSIT_BATCH); withdrawals burn
///         them and send WITHDRAW / WITHDRAW_BATCH through StateSender to 0x…100a on the child.
/// @dev Deploy with no arguments, then initialize(stateSender, exitHelper, 0x…100a, childTokenTemplate).
contract ChildMintableERC721Predicate is Initializable {
    bytes32 public constant DEPOSIT_SIG = keccak256("DEPOSIT");
    bytes32 public constant DEPOSIT_BATCH_SIG = keccak256("DEPOSIT_BATCH");
    bytes32 public constant WITHDRAW_SIG = keccak256("WITHDRAW");
    bytes32 public constant WITHDRAW_BATCH_SIG = keccak256("WITHDRAW_BATCH");
    bytes32 public constant MAP_TOKEN_SIG = keccak256("MAP_TOKEN");

    IStateSender public stateSender;
    address public exitHelper;
    /// @dev the RootMintableERC721Predicate on the child chain
    address public rootERC721Predicate;
    address public childTokenTemplate;
    mapping(address => address) public rootTokenToChildToken;

    event MintableERC721Deposit(
        address indexed rootToken,
        address indexed childToken,
        address sender,
        address indexed receiver,
        uint256 tokenId
    );
    event MintableERC721DepositBatch(
        address indexed rootToken,
        address indexed childToken,
        address indexed sender,
        address[] receivers,
        uint256[] tokenIds
    );
    event MintableERC721Withdraw(
        address indexed rootToken,
        address indexed childToken,
        address sender,
        address indexed receiver,
        uint256 tokenId
    );
    event MintableERC721WithdrawBatch(
        address indexed rootToken,
        address indexed childToken,
        address indexed sender,
        address[] receivers,
        uint256[] tokenIds
    );
    event MintableTokenMapped(address indexed rootToken, address indexed childToken);

    function initialize(
        address newStateSender,
        address newExitHelper,
        address newRootERC721Predicate,
        address newChildTokenTemplate
    ) external initializer {
        require(
            newStateSender != address(0) &&
                newExitHelper != address(0) &&
                newRootERC721Predicate != address(0) &&
                newChildTokenTemplate != address(0),
            "ChildMintableERC721Predicate: BAD_INITIALIZATION"
        );
        stateSender = IStateSender(newStateSender);
        exitHelper = newExitHelper;
        rootERC721Predicate = newRootERC721Predicate;
        childTokenTemplate = newChildTokenTemplate;
    }

    /// @notice called by ExitHelper with a proven child-chain message
    function onL2StateReceive(uint256 /* id */, address sender, bytes calldata data) external {
        require(msg.sender == exitHelper, "ChildMintableERC721Predicate: ONLY_STATE_RECEIVER");
        require(sender == rootERC721Predicate, "ChildMintableERC721Predicate: ONLY_ROOT_PREDICATE");
        bytes32 tag = bytes32(data[:32]);
        if (tag == DEPOSIT_SIG) {
            (address token, address depositor, address receiver, uint256 tokenId) = abi.decode(
                data[32:],
                (address, address, address, uint256)
            );
            IChildERC721 mirror = _mirror(token);
            require(mirror.mint(receiver, tokenId), "ChildMintableERC721Predicate: MINT_FAILED");
            emit MintableERC721Deposit(token, address(mirror), depositor, receiver, tokenId);
        } else if (tag == DEPOSIT_BATCH_SIG) {
            (, address token, address depositor, address[] memory receivers, uint256[] memory tokenIds) = abi
                .decode(data, (bytes32, address, address, address[], uint256[]));
            IChildERC721 mirror = _mirror(token);
            require(mirror.mintBatch(receivers, tokenIds), "ChildMintableERC721Predicate: MINT_FAILED");
            emit MintableERC721DepositBatch(token, address(mirror), depositor, receivers, tokenIds);
        } else if (tag == MAP_TOKEN_SIG) {
            (, address token, string memory name, string memory symbol) = abi.decode(
                data,
                (bytes32, address, string, string)
            );
            assert(token != address(0));
            assert(rootTokenToChildToken[token] == address(0));
            address mirror = Clones.cloneDeterministic(childTokenTemplate, keccak256(abi.encodePacked(token)));
            rootTokenToChildToken[token] = mirror;
            IChildERC721(mirror).initialize(token, name, symbol);
            emit MintableTokenMapped(token, mirror);
        } else {
            revert("ChildMintableERC721Predicate: INVALID_SIGNATURE");
        }
    }

    function withdraw(IChildERC721 childToken, uint256 tokenId) external {
        _burn(childToken, msg.sender, tokenId);
    }

    function withdrawTo(IChildERC721 childToken, address receiver, uint256 tokenId) external {
        _burn(childToken, receiver, tokenId);
    }

    function withdrawBatch(IChildERC721 childToken, address[] calldata receivers, uint256[] calldata tokenIds)
        external
    {
        address token = _checkedToken(childToken);
        require(receivers.length == tokenIds.length, "ChildMintableERC721Predicate: INVALID_LENGTH");
        require(childToken.burnBatch(msg.sender, tokenIds), "ChildMintableERC721Predicate: BURN_FAILED");
        stateSender.syncState(
            rootERC721Predicate,
            abi.encode(WITHDRAW_BATCH_SIG, token, msg.sender, receivers, tokenIds)
        );
        emit MintableERC721WithdrawBatch(token, address(childToken), msg.sender, receivers, tokenIds);
    }

    function _burn(IChildERC721 childToken, address receiver, uint256 tokenId) private {
        address token = _checkedToken(childToken);
        require(childToken.burn(msg.sender, tokenId), "ChildMintableERC721Predicate: BURN_FAILED");
        stateSender.syncState(rootERC721Predicate, abi.encode(WITHDRAW_SIG, token, msg.sender, receiver, tokenId));
        emit MintableERC721Withdraw(token, address(childToken), msg.sender, receiver, tokenId);
    }

    function _checkedToken(IChildERC721 childToken) private view returns (address token) {
        require(address(childToken).code.length != 0, "ChildMintableERC721Predicate: NOT_CONTRACT");
        token = childToken.rootToken();
        require(rootTokenToChildToken[token] == address(childToken), "ChildMintableERC721Predicate: UNMAPPED_TOKEN");
        assert(token != address(0));
        assert(childToken.predicate() == address(this));
    }

    function _mirror(address token) private view returns (IChildERC721 mirror) {
        mirror = IChildERC721(rootTokenToChildToken[token]);
        require(address(mirror) != address(0), "ChildMintableERC721Predicate: UNMAPPED_TOKEN");
        assert(mirror.rootToken() == token);
        assert(mirror.predicate() == address(this));
    }
}
