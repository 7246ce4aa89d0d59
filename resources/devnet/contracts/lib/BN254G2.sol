// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {BN254} from "./BN254.sol";

/// @title BN254G2
/// @notice Fp2 arithmetic and affine point addition on the BN254 twist E'(Fp2): y^2 = x^3 + 3/(9+i).
/// @dev Points are [x.real, x.imag, y.real, y.imag] (Edge's on-chain blsKey order); [0,0,0,0] is the
///      point at infinity. Used to aggregate BLS public keys; one Fp2 inversion (one modexp) per addition.
library BN254G2 {
    uint256 private constant P = BN254.P;
    /// @dev twist coefficient b' = 3 / (9 + i)
    uint256 private constant TWIST_B_RE = 19485874751759354771024239261021720505790618469301721065564631296452457478373;
    uint256 private constant TWIST_B_IM = 266929791119991161246907387137283842545076965332900288569378510910307636690;

    function isInfinity(uint256[4] memory pt) internal pure returns (bool) {
        return (pt[0] | pt[1] | pt[2] | pt[3]) == 0;
    }

    /// @notice whether pt is an affine point of the twist (coordinates reduced, not infinity)
    function isOnCurve(uint256[4] memory pt) internal pure returns (bool) {
        if (pt[0] >= P || pt[1] >= P || pt[2] >= P || pt[3] >= P) return false;
        if (isInfinity(pt)) return false;
        (uint256 yyRe, uint256 yyIm) = _mul(pt[2], pt[3], pt[2], pt[3]);
        (uint256 xxRe, uint256 xxIm) = _mul(pt[0], pt[1], pt[0], pt[1]);
        (uint256 xxxRe, uint256 xxxIm) = _mul(xxRe, xxIm, pt[0], pt[1]);
        return yyRe == addmod(xxxRe, TWIST_B_RE, P) && yyIm == addmod(xxxIm, TWIST_B_IM, P);
    }

    /// @notice a + b; both must be on the curve or infinity (reverts otherwise)
    function add(uint256[4] memory a, uint256[4] memory b) internal view returns (uint256[4] memory r) {
        if (isInfinity(a)) {
            require(isOnCurve(b), "BN254G2: point not on curve");
            return b;
        }
        require(isOnCurve(a), "BN254G2: point not on curve");
        if (isInfinity(b)) return a;
        require(isOnCurve(b), "BN254G2: point not on curve");

        uint256 lRe;
        uint256 lIm;
        if (a[0] == b[0] && a[1] == b[1]) {
            if (a[2] != b[2] || a[3] != b[3]) return r; // a == -b: infinity
            if ((a[2] | a[3]) == 0) return r; // 2-torsion (not on this curve, kept for safety)
            // lambda = 3x^2 / 2y
            (uint256 nRe, uint256 nIm) = _mul(a[0], a[1], a[0], a[1]);
            (nRe, nIm) = (mulmod(nRe, 3, P), mulmod(nIm, 3, P));
            (uint256 dRe, uint256 dIm) = _inv(addmod(a[2], a[2], P), addmod(a[3], a[3], P));
            (lRe, lIm) = _mul(nRe, nIm, dRe, dIm);
        } else {
            // lambda = (y2 - y1) / (x2 - x1)
            (uint256 dRe, uint256 dIm) = _inv(addmod(b[0], P - a[0], P), addmod(b[1], P - a[1], P));
            (lRe, lIm) = _mul(addmod(b[2], P - a[2], P), addmod(b[3], P - a[3], P), dRe, dIm);
        }
        // x3 = lambda^2 - x1 - x2 ; y3 = lambda (x1 - x3) - y1
        (uint256 x3Re, uint256 x3Im) = _mul(lRe, lIm, lRe, lIm);
        x3Re = addmod(x3Re, P - addmod(a[0], b[0], P), P);
        x3Im = addmod(x3Im, P - addmod(a[1], b[1], P), P);
        (uint256 y3Re, uint256 y3Im) = _mul(lRe, lIm, addmod(a[0], P - x3Re, P), addmod(a[1], P - x3Im, P));
        r[0] = x3Re;
        r[1] = x3Im;
        r[2] = addmod(y3Re, P - a[2], P);
        r[3] = addmod(y3Im, P - a[3], P);
    }

    function _mul(uint256 aRe, uint256 aIm, uint256 bRe, uint256 bIm) private pure returns (uint256, uint256) {
        // (aRe + aIm i)(bRe + bIm i), i^2 = -1
        return (
            addmod(mulmod(aRe, bRe, P), P - mulmod(aIm, bIm, P), P),
            addmod(mulmod(aRe, bIm, P), mulmod(aIm, bRe, P), P)
        );
    }

    function _inv(uint256 re, uint256 im) private view returns (uint256, uint256) {
        // 1/(re + im i) = (re - im i) / (re^2 + im^2)
        uint256 n = BN254.inverse(addmod(mulmod(re, re, P), mulmod(im, im, P), P));
        return (mulmod(re, n, P), mulmod(P - im, n, P));
    }
}
