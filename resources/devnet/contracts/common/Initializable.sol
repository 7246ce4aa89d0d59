// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title Initializable
/// @notice One-shot initialization for contracts that are placed with anvil_setCode or behind
///         clones and therefore never run a constructor.
abstract contract Initializable {
    bool private _initialized;

    modifier initializer() {
        require(!_initialized, "Initializable: contract is already initialized");
        _initialized = true;
        _;
    }

    function isInitialized() external view returns (bool) {
        return _initialized;
    }
}
