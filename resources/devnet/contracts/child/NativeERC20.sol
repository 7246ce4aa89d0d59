// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Initializable} from "../common/Initializable.sol";
import {System} from "../common/System.sol";

/// @title NativeERC20
/// @notice The child chain's native coin seen as an ERC-20 (Edge places it at 0x…1010). Balances are
///         the accounts' native balances; every move goes through the native-transfer precompile at
///         0x…2020 with abi.encode(from, to, amount) (from = 0 mints, to = 0 burns), which must
///         return abi.encode(true). totalSupply counts what the bridge minted less what it burnt,
///         plus the genesis supply given to initialize. Only the predicate (0x…1004) mints and burns.
/// @dev No constructor: initialize(predicate, rootToken, name, symbol, decimals, tokenSupply) from
///      SYSTEM at genesis. On the devnet 0x…2020 is a NativeTransfer stand-in (see that contract).
contract NativeERC20 is Initializable, System {
    address public constant NATIVE_TRANSFER_PRECOMPILE = 0x0000000000000000000000000000000000002020;
    /// @dev Edge gives its precompile 21000 gas; the devnet stand-in logs the move, so it gets more.
    uint256 public constant NATIVE_TRANSFER_PRECOMPILE_GAS = 100_000;

    string private _name;
    string private _symbol;
    uint8 private _decimals;
    uint256 private _totalSupply;
    address private _predicate;
    address private _rootToken;
    mapping(address => mapping(address => uint256)) private _allowances;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    modifier onlyPredicate() {
        require(msg.sender == _predicate, "NativeERC20: Only predicate can call");
        _;
    }

    function initialize(
        address predicate_,
        address rootToken_,
        string calldata name_,
        string calldata symbol_,
        uint8 decimals_,
        uint256 tokenSupply_
    ) external onlySystemCall initializer {
        require(predicate_ != address(0) && bytes(name_).length != 0, "NativeERC20: Invalid initialization");
        _predicate = predicate_;
        _rootToken = rootToken_;
        _name = name_;
        _symbol = symbol_;
        _decimals = decimals_;
        _totalSupply = tokenSupply_;
    }

    function name() external view returns (string memory) {
        return _name;
    }

    function symbol() external view returns (string memory) {
        return _symbol;
    }

    function decimals() external view returns (uint8) {
        return _decimals;
    }

    function totalSupply() external view returns (uint256) {
        return _totalSupply;
    }

    function balanceOf(address account) external view returns (uint256) {
        return account.balance;
    }

    function predicate() external view returns (address) {
        return _predicate;
    }

    function rootToken() external view returns (address) {
        return _rootToken;
    }

    function allowance(address owner, address spender) external view returns (uint256) {
        return _allowances[owner][spender];
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        _allowances[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _move(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = _allowances[from][msg.sender];
        if (allowed != type(uint256).max) {
            require(allowed >= amount, "ERC20: insufficient allowance");
            _allowances[from][msg.sender] = allowed - amount;
        }
        _move(from, to, amount);
        return true;
    }

    function mint(address account, uint256 amount) external onlyPredicate returns (bool) {
        require(account != address(0), "ERC20: mint to the zero address");
        _totalSupply += amount;
        _precompile(address(0), account, amount);
        emit Transfer(address(0), account, amount);
        return true;
    }

    function burn(address account, uint256 amount) external onlyPredicate returns (bool) {
        require(account != address(0), "ERC20: burn from the zero address");
        _totalSupply -= amount;
        _precompile(account, address(0), amount);
        emit Transfer(account, address(0), amount);
        return true;
    }

    function _move(address from, address to, uint256 amount) private {
        require(from != address(0) && to != address(0), "ERC20: transfer with the zero address");
        _precompile(from, to, amount);
        emit Transfer(from, to, amount);
    }

    function _precompile(address from, address to, uint256 amount) private {
        (bool ok, bytes memory result) = NATIVE_TRANSFER_PRECOMPILE.call{gas: NATIVE_TRANSFER_PRECOMPILE_GAS}(
            abi.encode(from, to, amount)
        );
        require(ok && result.length == 32 && abi.decode(result, (bool)), "PRECOMPILE_CALL_FAILED");
    }
}
