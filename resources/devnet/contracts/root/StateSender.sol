// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title StateSender
/// @notice Root-chain outbox: every syncState emits StateSynced with id = ++counter (first id is 1).
/// @dev Stateless apart from the counter; deploy with no arguments.
contract StateSender {
    uint256 public constant MAX_LENGTH = 2048;
    uint256 public counter;

    event StateSynced(uint256 indexed id, address indexed sender, address indexed receiver, bytes data);

    function syncState(address receiver, bytes calldata data) external {
        require(receiver != address(0), "INVALID_RECEIVER");
        require(data.length <= MAX_LENGTH, "EXCEEDS_MAX_LENGTH");
        emit StateSynced(++counter, msg.sender, receiver, data);
    }
}
