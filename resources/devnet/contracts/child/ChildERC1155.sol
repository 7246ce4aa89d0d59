// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC1155Base} from "../common/ERC1155Base.sol";
import {Initializable} from "../common/Initializable.sol";

/// @title ChildERC1155
/// @notice Child-chain ERC-1155 template (Edge places it at 0x…1007). ChildERC1155Predicate deploys an
///         EIP-1167 clone per root token and initializes it; only that predicate may mint and burn.
/// @dev No constructor: initialize(rootToken, uri); the caller becomes the predicate.
contract ChildERC1155 is ERC1155Base, Initializable {
    address private _predicate;
    address private _rootToken;

    modifier onlyPredicate() {
        require(msg.sender == _predicate, "ChildERC1155: Only predicate can call");
        _;
    }

    function initialize(address rootToken_, string calldata uri_) external initializer {
        require(rootToken_ != address(0), "ChildERC1155: BAD_INITIALIZATION");
        _rootToken = rootToken_;
        _predicate = msg.sender;
        _setURI(uri_);
    }

    function predicate() external view returns (address) {
        return _predicate;
    }

    function rootToken() external view returns (address) {
        return _rootToken;
    }

    function mint(address account, uint256 id, uint256 amount) external onlyPredicate returns (bool) {
        _mint(account, id, amount);
        return true;
    }

    function mintBatch(address[] calldata accounts, uint256[] calldata tokenIds, uint256[] calldata amounts)
        external
        onlyPredicate
        returns (bool)
    {
        require(
            accounts.length == tokenIds.length && accounts.length == amounts.length,
            "ChildERC1155: array len mismatch"
        );
        for (uint256 i = 0; i < accounts.length; i++) {
            _mint(accounts[i], tokenIds[i], amounts[i]);
        }
        return true;
    }

    function burn(address from, uint256 id, uint256 amount) external onlyPredicate returns (bool) {
        _burn(from, id, amount);
        return true;
    }

    function burnBatch(address from, uint256[] calldata tokenIds, uint256[] calldata amounts)
        external
        onlyPredicate
        returns (bool)
    {
        require(tokenIds.length == amounts.length, "ChildERC1155: array len mismatch");
        for (uint256 i = 0; i < tokenIds.length; i++) {
            _burn(from, tokenIds[i], amounts[i]);
        }
        return true;
    }
}
