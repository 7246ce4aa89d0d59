// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title SortedArrays
/// @notice Binary search over a storage array sorted in increasing order.
library SortedArrays {
    /// @return the first index whose element is >= value, or array.length if none is
    function upperBound(uint256[] storage array, uint256 value) internal view returns (uint256) {
        uint256 low = 0;
        uint256 high = array.length;
        while (low < high) {
            uint256 mid = (low + high) >> 1;
            if (array[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
