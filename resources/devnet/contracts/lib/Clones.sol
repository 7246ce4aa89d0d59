// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title Clones
/// @notice EIP-1167 minimal proxies created with CREATE2, and their predicted addresses.
library Clones {
    /// @dev EIP-1167 creation code: 10-byte constructor, then the 45-byte runtime that delegatecalls `impl`
    function initCode(address impl) internal pure returns (bytes memory) {
        return
            abi.encodePacked(
                hex"3d602d80600a3d3981f3363d3d373d3d3d363d73",
                impl,
                hex"5af43d82803e903d91602b57fd5bf3"
            );
    }

    function cloneDeterministic(address impl, bytes32 salt) internal returns (address instance) {
        bytes memory code = initCode(impl);
        assembly ("memory-safe") {
            instance := create2(0, add(code, 0x20), mload(code), salt)
        }
        require(instance != address(0), "Clones: CREATE2_FAILED");
    }

    function predictDeterministicAddress(address impl, bytes32 salt, address deployer) internal pure returns (address) {
        return
            address(uint160(uint256(keccak256(abi.encodePacked(bytes1(0xff), deployer, salt, keccak256(initCode(impl)))))));
    }
}
