// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Initializable} from "../common/Initializable.sol";
import {IStateSender, IChildERC20} from "../common/BridgeTypes.sol";
import {Clones} from "../lib/Clones.sol";

/// @title ChildMintableERC20Predicate
/// @notice Root side of the child-native ERC-20 bridge: on proven child messages (called by ExitHelper)
///         it creates a mirror token per child-native token (MAP_TOKEN) and mints it (DEPOSIT); on a
///         withdrawal it burns the mirror and sends WITHDRAW through StateSender to the
///         RootMintableERC20Predicate at 0x…1009, which releases the escrow on the child.
///         Payloads per docs/protocol.md "Child-native tokens".
/// @dev Deploy with no arguments, then initialize(stateSender, exitHelper, 0x…1009, childTokenTemplate)
///      where childTokenTemplate is a ChildERC20 deployed on the root chain. Mirrors are CREATE2 clones
///      (salt keccak256(abi.encodePacked(childNativeToken))), so the child side predicts their address.
contract ChildMintableERC20Predicate is Initializable {
    bytes32 public constant DEPOSIT_SIG = keccak256("DEPOSIT");
    bytes32 public constant WITHDRAW_SIG = keccak256("WITHDRAW");
    bytes32 public constant MAP_TOKEN_SIG = keccak256("MAP_TOKEN");

    IStateSender public stateSender;
    address public exitHelper;
    /// @dev the RootMintableERC20Predicate on the child chain
    address public rootERC20Predicate;
    address public childTokenTemplate;
    mapping(address => address) public rootTokenToChildToken;

    event MintableERC20Deposit(
        address indexed rootToken,
        address indexed childToken,
        address sender,
        address indexed receiver,
        uint256 amount
    );
    event MintableERC20Withdraw(
        address indexed rootToken,
        address indexed childToken,
        address sender,
        address indexed receiver,
        uint256 amount
    );
    event MintableTokenMapped(address indexed rootToken, address indexed childToken);

    function initialize(
        address newStateSender,
        address newExitHelper,
        address newRootERC20Predicate,
        address newChildTokenTemplate
    ) external initializer {
        require(
            newStateSender != address(0) &&
                newExitHelper != address(0) &&
                newRootERC20Predicate != address(0) &&
                newChildTokenTemplate != address(0),
            "ChildMintableERC20Predicate: BAD_INITIALIZATION"
        );
        stateSender = IStateSender(newStateSender);
        exitHelper = newExitHelper;
        rootERC20Predicate = newRootERC20Predicate;
        childTokenTemplate = newChildTokenTemplate;
    }

    /// @notice called by ExitHelper with a proven child-chain message
    function onL2StateReceive(uint256 /* id */, address sender, bytes calldata data) external {
        require(msg.sender == exitHelper, "ChildMintableERC20Predicate: ONLY_STATE_RECEIVER");
        require(sender == rootERC20Predicate, "ChildMintableERC20Predicate: ONLY_ROOT_PREDICATE");
        bytes32 tag = bytes32(data[:32]);
        if (tag == DEPOSIT_SIG) {
            _mintMirror(data[32:]);
        } else if (tag == MAP_TOKEN_SIG) {
            _createMirror(data);
        } else {
            revert("ChildMintableERC20Predicate: INVALID_SIGNATURE");
        }
    }

    function withdraw(IChildERC20 childToken, uint256 amount) external {
        _burnMirror(childToken, msg.sender, amount);
    }

    function withdrawTo(IChildERC20 childToken, address receiver, uint256 amount) external {
        _burnMirror(childToken, receiver, amount);
    }

    function _burnMirror(IChildERC20 childToken, address receiver, uint256 amount) private {
        require(address(childToken).code.length != 0, "ChildMintableERC20Predicate: NOT_CONTRACT");
        address rootToken = childToken.rootToken();
        require(
            rootTokenToChildToken[rootToken] == address(childToken),
            "ChildMintableERC20Predicate: UNMAPPED_TOKEN"
        );
        assert(rootToken != address(0));
        assert(childToken.predicate() == address(this));
        require(childToken.burn(msg.sender, amount), "ChildMintableERC20Predicate: BURN_FAILED");
        stateSender.syncState(rootERC20Predicate, abi.encode(WITHDRAW_SIG, rootToken, msg.sender, receiver, amount));
        emit MintableERC20Withdraw(rootToken, address(childToken), msg.sender, receiver, amount);
    }

    function _mintMirror(bytes calldata data) private {
        (address depositToken, address depositor, address receiver, uint256 amount) = abi.decode(
            data,
            (address, address, address, uint256)
        );
        address mirror = rootTokenToChildToken[depositToken];
        require(mirror != address(0), "ChildMintableERC20Predicate: UNMAPPED_TOKEN");
        assert(mirror.code.length != 0);
        assert(IChildERC20(mirror).rootToken() == depositToken);
        assert(IChildERC20(mirror).predicate() == address(this));
        require(IChildERC20(mirror).mint(receiver, amount), "ChildMintableERC20Predicate: MINT_FAILED");
        emit MintableERC20Deposit(depositToken, mirror, depositor, receiver, amount);
    }

    function _createMirror(bytes calldata data) private {
        (, address rootToken, string memory name, string memory symbol, uint8 decimals) = abi.decode(
            data,
            (bytes32, address, string, string, uint8)
        );
        assert(rootToken != address(0));
        assert(rootTokenToChildToken[rootToken] == address(0));
        address mirror = Clones.cloneDeterministic(childTokenTemplate, keccak256(abi.encodePacked(rootToken)));
        rootTokenToChildToken[rootToken] = mirror;
        IChildERC20(mirror).initialize(rootToken, name, symbol, decimals);
        emit MintableTokenMapped(rootToken, mirror);
    }
}
