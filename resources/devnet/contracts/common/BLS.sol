// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {BN254} from "../lib/BN254.sol";
import {BN254G2} from "../lib/BN254G2.sol";

/// @title BLS
/// @notice Deployable BN254 BLS helper with the function signatures of Edge's IBLS, used by
///         CheckpointManager (hashToPoint, verifySingle) and handy for eth_call checks.
/// @dev Functions that touch the modexp or pairing precompiles are `view` (Edge declares some `pure`;
///      the selectors are the same).
contract BLS {
    /// @return callSuccess the pairing precompile accepted the points
    /// @return checkResult e(signature, -G2) * e(message, pubkey) == 1
    function verifySingle(
        uint256[2] calldata signature,
        uint256[4] calldata pubkey,
        uint256[2] calldata message
    ) external view returns (bool callSuccess, bool checkResult) {
        return BN254.verifySingle(signature, pubkey, message);
    }

    /// @notice verifies one aggregate signature over one message by several public keys
    function verifyMultipleSameMsg(
        uint256[2] calldata signature,
        uint256[4][] calldata pubkeys,
        uint256[2] calldata message
    ) external view returns (bool checkResult, bool callSuccess) {
        uint256[4] memory agg;
        for (uint256 i = 0; i < pubkeys.length; ++i) {
            agg = BN254G2.add(agg, pubkeys[i]);
        }
        if (BN254G2.isInfinity(agg)) return (false, true);
        (callSuccess, checkResult) = BN254.verifySingle(signature, agg, message);
    }

    /// @notice verifies one aggregate signature over one message per public key
    function verifyMultiple(
        uint256[2] calldata signature,
        uint256[4][] calldata pubkeys,
        uint256[2][] calldata messages
    ) external view returns (bool checkResult, bool callSuccess) {
        uint256 n = pubkeys.length;
        require(n == messages.length && n > 0, "BLS: number of public key is zero or does not match messages");
        uint256[] memory input = new uint256[](6 * (n + 1));
        input[0] = signature[0];
        input[1] = signature[1];
        // -G2 in precompile order (x.imag, x.real, y.imag, y.real)
        input[2] = 11559732032986387107991004021392285783925812861821192530917403151452391805634;
        input[3] = 10857046999023057135944570762232829481370756359578518086990519993285655852781;
        input[4] = BN254.P - 4082367875863433681332203403145435568316851327593401208105741076214120093531;
        input[5] = BN254.P - 8495653923123431417604973247489272438418190587263600148770280649306958101930;
        for (uint256 i = 0; i < n; ++i) {
            uint256 o = 6 * (i + 1);
            input[o] = messages[i][0];
            input[o + 1] = messages[i][1];
            input[o + 2] = pubkeys[i][1];
            input[o + 3] = pubkeys[i][0];
            input[o + 4] = pubkeys[i][3];
            input[o + 5] = pubkeys[i][2];
        }
        uint256[1] memory out;
        assembly ("memory-safe") {
            callSuccess := staticcall(gas(), 0x08, add(input, 0x20), mul(mload(input), 0x20), out, 0x20)
        }
        checkResult = callSuccess && out[0] == 1;
    }

    function mapToPoint(uint256 _x) external view returns (uint256[2] memory p) {
        return BN254.mapToPoint(_x);
    }

    function isValidSignature(uint256[2] memory signature) external pure returns (bool) {
        return BN254.isOnCurveG1(signature);
    }

    function isOnCurveG1(uint256[2] memory point) external pure returns (bool _isOnCurve) {
        return BN254.isOnCurveG1(point);
    }

    function isOnCurveG2(uint256[4] memory point) external pure returns (bool _isOnCurve) {
        return BN254G2.isOnCurve(point);
    }

    function hashToPoint(bytes32 domain, bytes memory message) external view returns (uint256[2] memory) {
        return BN254.hashToPoint(domain, message);
    }

    function hashToField(bytes32 domain, bytes memory messages) external pure returns (uint256[2] memory) {
        return BN254.hashToField(domain, messages);
    }

    function expandMsgTo96(bytes32 domain, bytes memory message) external pure returns (bytes memory) {
        return BN254.expandMsgTo96(domain, message);
    }
}
