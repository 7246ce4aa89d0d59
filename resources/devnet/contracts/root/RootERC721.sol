// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC721Base} from "../common/ERC721Base.sol";

/// @title RootERC721
/// @notice Demo ERC-721 for the devnet root chain; the deployer (owner) may mint.
/// @dev constructor(name, symbol)
contract RootERC721 is ERC721Base {
    address public owner;

    constructor(string memory name_, string memory symbol_) {
        owner = msg.sender;
        _setMetadata(name_, symbol_);
    }

    function mint(address to, uint256 tokenId) external {
        require(msg.sender == owner, "RootERC721: ONLY_OWNER");
        _mint(to, tokenId);
    }
}
