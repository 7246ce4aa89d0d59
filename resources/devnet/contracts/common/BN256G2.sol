// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {BN254G2} from "../lib/BN254G2.sol";

/// @title BN256G2
/// @notice Deployable G2 addition with the signature of Edge's IBN256G2.ecTwistAdd; used by
///         CheckpointManager to aggregate the signers' public keys.
/// @dev Coordinates are (x.real, x.imag, y.real, y.imag); (0,0,0,0) is the point at infinity.
///      Reverts "BN254G2: point not on curve" for a point off the twist.
contract BN256G2 {
    function ecTwistAdd(
        uint256 pt1xx,
        uint256 pt1xy,
        uint256 pt1yx,
        uint256 pt1yy,
        uint256 pt2xx,
        uint256 pt2xy,
        uint256 pt2yx,
        uint256 pt2yy
    ) external view returns (uint256, uint256, uint256, uint256) {
        uint256[4] memory r = BN254G2.add([pt1xx, pt1xy, pt1yx, pt1yy], [pt2xx, pt2xy, pt2yx, pt2yy]);
        return (r[0], r[1], r[2], r[3]);
    }
}
