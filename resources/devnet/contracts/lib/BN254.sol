// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title BN254
/// @notice G1 arithmetic, Edge-flavoured hash-to-G1 and the BLS pairing check on BN254
///         (alt_bn128), built on the EVM precompiles 0x02 (sha256), 0x05 (modexp),
///         0x06 (ecAdd), 0x07 (ecMul) and 0x08 (pairing).
/// @dev Signatures live in G1, public keys in G2. G2 points use the on-chain order
///      [x.real, x.imag, y.real, y.imag]; the pairing precompile wants x.imag, x.real, y.imag, y.real.
///      Hash-to-G1 is Edge's (not RFC 9380): expand_message_xmd(SHA-256, DST = 32-byte domain, 96 bytes),
///      two 48-byte big-endian integers reduced mod p, Fouque-Tibouchi map for each, then add.
///      See docs/protocol.md "BLS (Edge flavour)".
library BN254 {
    /// @dev base field modulus p
    uint256 internal constant P = 21888242871839275222246405745257275088696311157297823662689037894645226208583;
    /// @dev (p + 1) / 4: a^((p+1)/4) is a square root of a when one exists (p = 3 mod 4)
    uint256 private constant SQRT_EXP = 0xc19139cb84c680a6e14116da060561765e05aa45a1c72a34f082305b61f3f52;
    /// @dev p - 2: a^(p-2) = 1/a (Fermat)
    uint256 private constant INV_EXP = P - 2;
    /// @dev sqrt(-3) mod p, the root Edge's Fouque-Tibouchi map uses
    uint256 private constant Z0 = 0xb3c4d79d41a91759a9e4c7e359b6b89eaec68e62effffffd;
    /// @dev (-1 + sqrt(-3)) / 2 mod p
    uint256 private constant Z1 = 0x59e26bcea0d48bacd4f263f1acdb5c4f5763473177fffffe;
    /// @dev 2^256 mod p, to reduce 384-bit integers without modexp
    uint256 private constant TWO_256_MOD_P = (type(uint256).max % P) + 1;

    // G2 generator, negated (y := p - y), in the pairing precompile order
    uint256 private constant G2_X_RE = 10857046999023057135944570762232829481370756359578518086990519993285655852781;
    uint256 private constant G2_X_IM = 11559732032986387107991004021392285783925812861821192530917403151452391805634;
    uint256 private constant G2_Y_RE = 8495653923123431417604973247489272438418190587263600148770280649306958101930;
    uint256 private constant G2_Y_IM = 4082367875863433681332203403145435568316851327593401208105741076214120093531;
    uint256 private constant NEG_G2_Y_RE = P - G2_Y_RE;
    uint256 private constant NEG_G2_Y_IM = P - G2_Y_IM;

    // ---------------------------------------------------------------- field helpers

    function expmod(uint256 base, uint256 exponent) internal view returns (uint256 result) {
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, 0x20)
            mstore(add(m, 0x20), 0x20)
            mstore(add(m, 0x40), 0x20)
            mstore(add(m, 0x60), base)
            mstore(add(m, 0x80), exponent)
            mstore(add(m, 0xa0), P)
            if iszero(staticcall(gas(), 0x05, m, 0xc0, m, 0x20)) {
                revert(0, 0)
            }
            result := mload(m)
        }
    }

    /// @return root a square root of a (mod p) when found, found whether a is a square
    function sqrt(uint256 a) internal view returns (uint256 root, bool found) {
        root = expmod(a, SQRT_EXP);
        found = mulmod(root, root, P) == a % P;
    }

    /// @dev 1/a mod p; 0 maps to 0
    function inverse(uint256 a) internal view returns (uint256) {
        return expmod(a, INV_EXP);
    }

    // ---------------------------------------------------------------- G1

    function isOnCurveG1(uint256[2] memory point) internal pure returns (bool) {
        uint256 x = point[0];
        uint256 y = point[1];
        if (x >= P || y >= P) return false;
        if (x == 0 && y == 0) return false; // infinity is not a valid signature or message point
        return mulmod(y, y, P) == addmod(mulmod(mulmod(x, x, P), x, P), 3, P);
    }

    function g1Add(uint256[2] memory a, uint256[2] memory b) internal view returns (uint256[2] memory r) {
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, mload(a))
            mstore(add(m, 0x20), mload(add(a, 0x20)))
            mstore(add(m, 0x40), mload(b))
            mstore(add(m, 0x60), mload(add(b, 0x20)))
            if iszero(staticcall(gas(), 0x06, m, 0x80, r, 0x40)) {
                revert(0, 0)
            }
        }
    }

    // ---------------------------------------------------------------- hash to G1

    /// @notice expand_message_xmd with SHA-256 to 96 bytes, DST = the 32-byte domain
    function expandMsgTo96(bytes32 domain, bytes memory message) internal pure returns (bytes memory out) {
        // b0 = H(Z_pad(64) || msg || I2OSP(96, 2) || I2OSP(0, 1) || DST || I2OSP(32, 1))
        bytes32 b0 = sha256(abi.encodePacked(bytes32(0), bytes32(0), message, uint16(96), uint8(0), domain, uint8(32)));
        bytes32 b1 = sha256(abi.encodePacked(b0, uint8(1), domain, uint8(32)));
        bytes32 b2 = sha256(abi.encodePacked(b0 ^ b1, uint8(2), domain, uint8(32)));
        bytes32 b3 = sha256(abi.encodePacked(b0 ^ b2, uint8(3), domain, uint8(32)));
        out = abi.encodePacked(b1, b2, b3);
    }

    /// @notice two field elements from the 96 expanded bytes (48-byte big-endian integers mod p)
    function hashToField(bytes32 domain, bytes memory message) internal pure returns (uint256[2] memory u) {
        bytes memory e = expandMsgTo96(domain, message);
        uint256 hi0;
        uint256 lo0;
        uint256 hi1;
        uint256 lo1;
        assembly ("memory-safe") {
            let d := add(e, 0x20)
            hi0 := shr(128, mload(d)) // bytes 0..15
            lo0 := mload(add(d, 16)) // bytes 16..47
            hi1 := shr(128, mload(add(d, 48))) // bytes 48..63
            lo1 := mload(add(d, 64)) // bytes 64..95
        }
        u[0] = addmod(mulmod(hi0, TWO_256_MOD_P, P), lo0, P);
        u[1] = addmod(mulmod(hi1, TWO_256_MOD_P, P), lo1, P);
    }

    /// @notice Fouque-Tibouchi map of a field element to G1 (the variant Edge uses)
    function mapToPoint(uint256 t) internal view returns (uint256[2] memory point) {
        require(t < P, "mapToPointFT: invalid field element");
        (, bool tIsSquare) = sqrt(t);
        uint256 a0 = addmod(mulmod(t, t, P), 4, P); // 1 + b + t^2 with b = 3
        uint256 tz = mulmod(t, Z0, P);
        uint256 invDen = inverse(mulmod(tz, a0, P)); // 1 / (t * sqrt(-3) * (4 + t^2))
        // t * w with w = t*sqrt(-3)/(4+t^2):  t * (t*sqrt(-3))^2 / (t*sqrt(-3)*(4+t^2))
        uint256 tw = mulmod(t, mulmod(mulmod(tz, tz, P), invDen, P), P);

        uint256 x = addmod(Z1, P - tw, P); // x1 = (-1 + sqrt(-3))/2 - t*w
        (uint256 y, bool found) = sqrt(_rhs(x));
        if (!found) {
            x = P - addmod(x, 1, P); // x2 = -1 - x1
            (y, found) = sqrt(_rhs(x));
        }
        if (!found) {
            // x3 = 1 + 1/w^2 = 1 + (4+t^2)^4 / (t*sqrt(-3)*(4+t^2))^2
            uint256 a02 = mulmod(a0, a0, P);
            x = addmod(mulmod(mulmod(mulmod(a02, a02, P), invDen, P), invDen, P), 1, P);
            (y, found) = sqrt(_rhs(x));
            require(found, "BLS: bad ft mapping implementation");
        }
        if (!tIsSquare) y = (P - y) % P;
        point[0] = x;
        point[1] = y;
    }

    function hashToPoint(bytes32 domain, bytes memory message) internal view returns (uint256[2] memory) {
        uint256[2] memory u = hashToField(domain, message);
        return g1Add(mapToPoint(u[0]), mapToPoint(u[1]));
    }

    function _rhs(uint256 x) private pure returns (uint256) {
        return addmod(mulmod(mulmod(x, x, P), x, P), 3, P);
    }

    // ---------------------------------------------------------------- pairing

    /// @notice e(signature, -G2) * e(message, pubkey) == 1
    /// @param pubkey G2 point as [x.real, x.imag, y.real, y.imag]
    /// @return callSuccess whether the pairing precompile accepted the input (points valid, in subgroup)
    /// @return checkResult whether the pairing equation holds
    function verifySingle(
        uint256[2] memory signature,
        uint256[4] memory pubkey,
        uint256[2] memory message
    ) internal view returns (bool callSuccess, bool checkResult) {
        uint256[12] memory input = [
            signature[0],
            signature[1],
            G2_X_IM,
            G2_X_RE,
            NEG_G2_Y_IM,
            NEG_G2_Y_RE,
            message[0],
            message[1],
            pubkey[1],
            pubkey[0],
            pubkey[3],
            pubkey[2]
        ];
        uint256[1] memory out;
        assembly ("memory-safe") {
            callSuccess := staticcall(gas(), 0x08, input, 0x180, out, 0x20)
        }
        checkResult = callSuccess && out[0] == 1;
    }
}
