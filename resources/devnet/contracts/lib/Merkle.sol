// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title Merkle
/// @notice Membership proofs for Edge's binary keccak256 trees: children not sorted, an odd node is
///         paired with itself, no padding (docs/protocol.md "Merkle tree").
/// @dev The proof is consumed bottom-up; bit k of index says whether the node at level k is a right
///      child (1: parent = keccak(sibling || node)). The index must be used up by the proof.
library Merkle {
    function checkMembership(
        bytes32 leaf,
        uint256 index,
        bytes32 rootHash,
        bytes32[] calldata proof
    ) internal pure returns (bool) {
        bytes32 node = leaf;
        uint256 length = proof.length;
        for (uint256 i = 0; i < length; ++i) {
            node = (index & 1 == 1) ? _hashPair(proof[i], node) : _hashPair(node, proof[i]);
            index >>= 1;
        }
        return node == rootHash && index == 0;
    }

    /// @notice as checkMembership, and the proof length must be the tree height for numLeaves:
    ///         2^(len-1) < numLeaves <= 2^len (len 0: exactly one leaf)
    function checkMembershipWithHeight(
        bytes32 leaf,
        uint256 index,
        uint256 numLeaves,
        bytes32 rootHash,
        bytes32[] calldata proof
    ) internal pure returns (bool) {
        uint256 length = proof.length;
        if (length == 0) {
            if (numLeaves != 1) return false;
        } else {
            if (length > 255) return false;
            if (numLeaves > (uint256(1) << length) || numLeaves <= (uint256(1) << (length - 1))) return false;
        }
        return checkMembership(leaf, index, rootHash, proof);
    }

    function _hashPair(bytes32 left, bytes32 right) private pure returns (bytes32 h) {
        assembly ("memory-safe") {
            mstore(0x00, left)
            mstore(0x20, right)
            h := keccak256(0x00, 0x40)
        }
    }
}
