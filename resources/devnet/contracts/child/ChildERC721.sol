// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC721Base} from "../common/ERC721Base.sol";
import {Initializable} from "../common/Initializable.sol";

/// @title ChildERC721
/// @notice Child-chain ERC-721 template (Edge places it at 0x…1005). ChildERC721Predicate deploys an
///         EIP-1167 clone per root token and initializes it; only that predicate may mint and burn.
/// @dev No constructor: initialize(rootToken, name, symbol); the caller becomes the predicate.
contract ChildERC721 is ERC721Base, Initializable {
    address private _predicate;
    address private _rootToken;

    modifier onlyPredicate() {
        require(msg.sender == _predicate, "ChildERC721: Only predicate can call");
        _;
    }

    function initialize(address rootToken_, string calldata name_, string calldata symbol_) external initializer {
        require(
            rootToken_ != address(0) && bytes(name_).length != 0 && bytes(symbol_).length != 0,
            "ChildERC721: BAD_INITIALIZATION"
        );
        _rootToken = rootToken_;
        _predicate = msg.sender;
        _setMetadata(name_, symbol_);
    }

    function predicate() external view returns (address) {
        return _predicate;
    }

    function rootToken() external view returns (address) {
        return _rootToken;
    }

    function mint(address account, uint256 tokenId) external onlyPredicate returns (bool) {
        _mint(account, tokenId);
        return true;
    }

    function mintBatch(address[] calldata accounts, uint256[] calldata tokenIds) external onlyPredicate returns (bool) {
        require(accounts.length == tokenIds.length, "ChildERC721: Array len mismatch");
        for (uint256 i = 0; i < accounts.length; i++) {
            _mint(accounts[i], tokenIds[i]);
        }
        return true;
    }

    function burn(address account, uint256 tokenId) external onlyPredicate returns (bool) {
        require(account == ownerOf(tokenId), "ChildERC721: Only owner can burn");
        _burn(tokenId);
        return true;
    }

    function burnBatch(address account, uint256[] calldata tokenIds) external onlyPredicate returns (bool) {
        for (uint256 i = 0; i < tokenIds.length; i++) {
            require(account == ownerOf(tokenIds[i]), "ChildERC721: Only owner can burn");
            _burn(tokenIds[i]);
        }
        return true;
    }
}
