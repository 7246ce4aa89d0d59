// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20Base} from "../common/ERC20Base.sol";

/// @title RootERC20
/// @notice Demo ERC-20 for the devnet root chain; the deployer (owner) may mint.
/// @dev constructor(name, symbol, decimals)
contract RootERC20 is ERC20Base {
    address public owner;

    constructor(string memory name_, string memory symbol_, uint8 decimals_) {
        owner = msg.sender;
        _setMetadata(name_, symbol_, decimals_);
    }

    function mint(address to, uint256 amount) external {
        require(msg.sender == owner, "RootERC20: ONLY_OWNER");
        _mint(to, amount);
    }
}
