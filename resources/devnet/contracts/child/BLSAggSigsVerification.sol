// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {BN254} from "../lib/BN254.sol";
import {BN254G2} from "../lib/BN254G2.sol";

/// @title BLSAggSigsVerification
/// @notice Solidity stand-in for Edge's BLS aggregate-signature precompile at 0x…2030, placed there
///         with anvil_setCode. Same input and output as Edge's native precompile:
///           input  = abi.encode(bytes32 message, bytes signature, bytes blsData)
///                    signature = 64 bytes G1 x ‖ y (big-endian)
///                    blsData   = abi.encode(bytes[] publicKeys, bytes bitmap); each key is 128 bytes
///                                G2 in EVM order x.imag ‖ x.real ‖ y.imag ‖ y.real; bitmap is ignored
///           output = abi.encode(bool): whether signature is a BLS signature of `message`
///                    (hash-to-G1 with domain keccak256("DOMAIN_STATE_RECEIVER")) by the sum of the keys
///         Malformed input (bad ABI, wrong lengths, points off the curve) makes the call fail, as the
///         native precompile returns an error. Like Edge, it checks no quorum.
/// @dev The subgroup of the aggregated key is checked by the pairing precompile.
contract BLSAggSigsVerification {
    bytes32 private constant DOMAIN = keccak256("DOMAIN_STATE_RECEIVER");

    fallback(bytes calldata input) external returns (bytes memory) {
        (bytes32 message, bytes memory signature, bytes memory blsData) = abi.decode(input, (bytes32, bytes, bytes));
        (bytes[] memory publicKeys, ) = abi.decode(blsData, (bytes[], bytes));
        return abi.encode(_verify(message, signature, publicKeys));
    }

    /// @dev no external functions besides the fallback: any 4-byte message prefix must reach it
    function _verify(bytes32 message, bytes memory signature, bytes[] memory publicKeys) private view returns (bool) {
        require(signature.length == 64, "BLSAggSigs: invalid signature");
        uint256[2] memory sig;
        assembly ("memory-safe") {
            mstore(sig, mload(add(signature, 0x20)))
            mstore(add(sig, 0x20), mload(add(signature, 0x40)))
        }
        require(BN254.isOnCurveG1(sig), "BLSAggSigs: invalid signature");

        uint256[4] memory aggregate;
        for (uint256 i = 0; i < publicKeys.length; ++i) {
            bytes memory pk = publicKeys[i];
            require(pk.length == 128, "BLSAggSigs: invalid public keys");
            uint256[4] memory key;
            assembly ("memory-safe") {
                let d := add(pk, 0x20)
                mstore(key, mload(add(d, 0x20))) // x.real
                mstore(add(key, 0x20), mload(d)) // x.imag
                mstore(add(key, 0x40), mload(add(d, 0x60))) // y.real
                mstore(add(key, 0x60), mload(add(d, 0x40))) // y.imag
            }
            require(BN254G2.isOnCurve(key), "BLSAggSigs: invalid public keys");
            aggregate = BN254G2.add(aggregate, key);
        }
        if (BN254G2.isInfinity(aggregate)) return false;

        uint256[2] memory h = BN254.hashToPoint(DOMAIN, abi.encodePacked(message));
        (bool callSuccess, bool checkResult) = BN254.verifySingle(sig, aggregate, h);
        return callSuccess && checkResult;
    }
}
