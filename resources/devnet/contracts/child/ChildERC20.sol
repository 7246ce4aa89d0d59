// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20Base} from "../common/ERC20Base.sol";
import {Initializable} from "../common/Initializable.sol";

/// @title ChildERC20
/// @notice Child-chain token template (Edge places it at 0x…1003). ChildERC20Predicate deploys an
///         EIP-1167 clone per root token and initializes it; only that predicate may mint and burn.
/// @dev No constructor: initialize(rootToken, name, symbol, decimals); the caller becomes the predicate.
contract ChildERC20 is ERC20Base, Initializable {
    address private _predicate;
    address private _rootToken;

    modifier onlyPredicate() {
        require(msg.sender == _predicate, "ChildERC20: Only predicate can call");
        _;
    }

    function initialize(
        address rootToken_,
        string calldata name_,
        string calldata symbol_,
        uint8 decimals_
    ) external initializer {
        require(
            rootToken_ != address(0) && bytes(name_).length != 0 && bytes(symbol_).length != 0,
            "ChildERC20: BAD_INITIALIZATION"
        );
        _rootToken = rootToken_;
        _predicate = msg.sender;
        _setMetadata(name_, symbol_, decimals_);
    }

    function predicate() external view returns (address) {
        return _predicate;
    }

    function rootToken() external view returns (address) {
        return _rootToken;
    }

    function mint(address account, uint256 amount) external onlyPredicate returns (bool) {
        _mint(account, amount);
        return true;
    }

    function burn(address account, uint256 amount) external onlyPredicate returns (bool) {
        _burn(account, amount);
        return true;
    }
}
