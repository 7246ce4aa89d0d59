// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title L2StateSender
/// @notice Child-chain outbox at 0x…1002: every syncState emits L2StateSynced with id = ++counter
///         (first id is 1); checkpoints carry the Merkle root of these events to the root chain.
/// @dev No constructor or initializer: placed with anvil_setCode.
contract L2StateSender {
    uint256 public constant MAX_LENGTH = 2048;
    uint256 public counter;

    event L2StateSynced(uint256 indexed id, address indexed sender, address indexed receiver, bytes data);

    function syncState(address receiver, bytes calldata data) external {
        require(receiver != address(0), "INVALID_RECEIVER");
        require(data.length <= MAX_LENGTH, "EXCEEDS_MAX_LENGTH");
        emit L2StateSynced(++counter, msg.sender, receiver, data);
    }
}
