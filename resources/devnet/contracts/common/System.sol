// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title System
/// @notice Edge child-chain constants: the system caller and the BLS aggregate-check precompile.
abstract contract System {
    /// @dev sender of Edge's system transactions (commit, epoch commits, genesis initialization)
    address public constant SYSTEM = 0xffffFFFfFFffffffffffffffFfFFFfffFFFfFFfE;
    /// @dev Edge's BLS aggregate-signature precompile; on the devnet a BLSAggSigsVerification contract
    address public constant VALIDATOR_PKCHECK_PRECOMPILE = 0x0000000000000000000000000000000000002030;
    /// @dev Edge gives its native precompile 150000 gas; the Solidity stand-in needs more
    ///      (pairing alone is 113000), so the devnet allows 2,000,000.
    uint256 public constant VALIDATOR_PKCHECK_PRECOMPILE_GAS = 2_000_000;

    modifier onlySystemCall() {
        require(msg.sender == SYSTEM, "ONLY_SYSTEMCALL");
        _;
    }
}
