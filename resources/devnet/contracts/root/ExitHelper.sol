// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Initializable} from "../common/Initializable.sol";
import {BatchExitInput} from "../common/BridgeTypes.sol";

interface IEventMembership {
    function getEventMembershipByBlockNumber(
        uint256 blockNumber,
        bytes32 leaf,
        uint256 leafIndex,
        bytes32[] calldata proof
    ) external view returns (bool);
}

/// @title ExitHelper
/// @notice Executes child-to-root messages proven against a checkpointed exit root: calls
///         receiver.onL2StateReceive(id, sender, data). Semantics per docs/protocol.md
///         "Withdrawal": a failed call is not marked processed; a receiver without code counts as done;
///         exit reverts on a processed id, batchExit skips it (before looking at the proof).
/// @dev Deploy with no arguments, then initialize(checkpointManager).
contract ExitHelper is Initializable {
    mapping(uint256 => bool) public processedExits;
    IEventMembership public checkpointManager;

    event ExitProcessed(uint256 indexed id, bool indexed success, bytes returnData);

    modifier onlyInitialized() {
        require(address(checkpointManager) != address(0), "ExitHelper: NOT_INITIALIZED");
        _;
    }

    function initialize(IEventMembership newCheckpointManager) external initializer {
        require(
            address(newCheckpointManager) != address(0) && address(newCheckpointManager).code.length != 0,
            "ExitHelper: INVALID_ADDRESS"
        );
        checkpointManager = newCheckpointManager;
    }

    function exit(
        uint256 blockNumber,
        uint256 leafIndex,
        bytes calldata unhashedLeaf,
        bytes32[] calldata proof
    ) external onlyInitialized {
        _exit(blockNumber, leafIndex, unhashedLeaf, proof, false);
    }

    function batchExit(BatchExitInput[] calldata inputs) external onlyInitialized {
        uint256 length = inputs.length;
        for (uint256 i = 0; i < length; ++i) {
            _exit(inputs[i].blockNumber, inputs[i].leafIndex, inputs[i].unhashedLeaf, inputs[i].proof, true);
        }
    }

    function _exit(
        uint256 blockNumber,
        uint256 leafIndex,
        bytes calldata unhashedLeaf,
        bytes32[] calldata proof,
        bool isBatch
    ) private {
        // leaf = keccak256(abi.encode(id, sender, receiver, data)): a flat tuple, not a struct
        (uint256 id, address sender, address receiver, bytes memory data) = abi.decode(
            unhashedLeaf,
            (uint256, address, address, bytes)
        );
        if (processedExits[id]) {
            if (isBatch) return;
            revert("ExitHelper: EXIT_ALREADY_PROCESSED");
        }
        require(
            checkpointManager.getEventMembershipByBlockNumber(blockNumber, keccak256(unhashedLeaf), leafIndex, proof),
            "ExitHelper: INVALID_PROOF"
        );

        processedExits[id] = true;
        (bool success, bytes memory returnData) = receiver.call(
            abi.encodeWithSignature("onL2StateReceive(uint256,address,bytes)", id, sender, data)
        );
        if (!success) processedExits[id] = false;

        emit ExitProcessed(id, success, returnData);
    }
}
