// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC1155Base} from "../common/ERC1155Base.sol";

/// @title RootERC1155
/// @notice Demo ERC-1155 for the devnet root chain; the deployer (owner) may mint.
/// @dev constructor(uri)
contract RootERC1155 is ERC1155Base {
    address public owner;

    constructor(string memory uri_) {
        owner = msg.sender;
        _setURI(uri_);
    }

    function mint(address to, uint256 id, uint256 amount) external {
        require(msg.sender == owner, "RootERC1155: ONLY_OWNER");
        _mint(to, id, amount);
    }
}
