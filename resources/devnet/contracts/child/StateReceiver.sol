// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {System} from "../common/System.sol";
import {StateSync, StateSyncCommitment} from "../common/BridgeTypes.sol";
import {Merkle} from "../lib/Merkle.sol";
import {SortedArrays} from "../lib/SortedArrays.sol";

/// @title StateReceiver
/// @notice Child-chain inbox at 0x…1001: validators commit Merkle roots over ranges of root-chain
///         state syncs (system call), anyone executes single syncs with a proof.
///         Semantics per docs/protocol.md "Deposit (root -> child) lifecycle".
/// @dev No constructor and no initializer: placed with anvil_setCode, storage starts empty.
///      The signature check is delegated to the precompile address 0x…2030 (a BLSAggSigsVerification
///      contract on the devnet); the third argument of commit is abi.encode(bytes[] publicKeys, bytes bitmap)
///      and is passed through untouched. No quorum check here, as in Edge.
contract StateReceiver is System {
    using Merkle for bytes32;
    using SortedArrays for uint256[];

    uint256 public commitmentCounter;
    uint256 public lastCommittedId;

    mapping(uint256 => bool) public processedStateSyncs;
    mapping(uint256 => StateSyncCommitment) public commitments;
    uint256[] public commitmentIds; // endId of each commitment, increasing

    event StateSyncResult(uint256 indexed counter, bool indexed status, bytes message);
    event NewCommitment(uint256 indexed startId, uint256 indexed endId, bytes32 root);

    function commit(
        StateSyncCommitment calldata commitment,
        bytes calldata signature,
        bytes calldata bitmap
    ) external onlySystemCall {
        require(commitment.startId == lastCommittedId + 1, "INVALID_START_ID");
        require(commitment.endId >= commitment.startId, "INVALID_END_ID");

        _checkPubkeyAggregation(keccak256(abi.encode(commitment)), signature, bitmap);

        commitments[commitmentCounter++] = commitment;
        commitmentIds.push(commitment.endId);
        lastCommittedId = commitment.endId;

        emit NewCommitment(commitment.startId, commitment.endId, commitment.root);
    }

    function execute(bytes32[] calldata proof, StateSync calldata obj) external {
        StateSyncCommitment memory commitment = getCommitmentByStateSyncId(obj.id);
        require(_isMember(proof, obj, commitment), "INVALID_PROOF");
        _executeStateSync(obj);
    }

    /// @notice executes several syncs; a bad proof is skipped silently, a processed id reverts
    function batchExecute(bytes32[][] calldata proofs, StateSync[] calldata objs) external {
        uint256 length = proofs.length;
        require(length == objs.length, "StateReceiver: UNMATCHED_LENGTH_PARAMETERS");
        for (uint256 i = 0; i < length; ++i) {
            StateSyncCommitment memory commitment = getCommitmentByStateSyncId(objs[i].id);
            if (!_isMember(proofs[i], objs[i], commitment)) continue;
            _executeStateSync(objs[i]);
        }
    }

    function getRootByStateSyncId(uint256 id) external view returns (bytes32) {
        bytes32 root = commitments[commitmentIds.upperBound(id)].root;
        require(root != bytes32(0), "StateReceiver: NO_ROOT_FOR_ID");
        return root;
    }

    function getCommitmentByStateSyncId(uint256 id) public view returns (StateSyncCommitment memory) {
        uint256 idx = commitmentIds.upperBound(id);
        require(idx != commitmentIds.length, "StateReceiver: NO_COMMITMENT_FOR_ID");
        return commitments[idx];
    }

    /// @dev leaf = keccak256(abi.encode(StateSync)) at index id - startId of a tree of endId - startId + 1 leaves
    function _isMember(
        bytes32[] calldata proof,
        StateSync calldata obj,
        StateSyncCommitment memory commitment
    ) private pure returns (bool) {
        return
            keccak256(abi.encode(obj)).checkMembershipWithHeight(
                obj.id - commitment.startId,
                commitment.endId - commitment.startId + 1,
                commitment.root,
                proof
            );
    }

    function _executeStateSync(StateSync calldata obj) private {
        require(!processedStateSyncs[obj.id], "StateReceiver: STATE_SYNC_IS_PROCESSED");
        if (obj.receiver.code.length == 0) {
            // reported failed and left unprocessed, as Edge does
            emit StateSyncResult(obj.id, false, "");
            return;
        }
        processedStateSyncs[obj.id] = true;
        (bool success, bytes memory returnData) = obj.receiver.call(
            abi.encodeWithSignature("onStateReceive(uint256,address,bytes)", obj.id, obj.sender, obj.data)
        );
        if (!success) processedStateSyncs[obj.id] = false;
        emit StateSyncResult(obj.id, success, returnData);
    }

    /// @dev precompile input: abi.encode(bytes32 message, bytes signature, bytes bitmap) where bitmap is
    ///      abi.encode(bytes[] publicKeys, bytes bitmap); output abi.encode(bool)
    function _checkPubkeyAggregation(bytes32 message, bytes calldata signature, bytes calldata bitmap) private view {
        (bool callSuccess, bytes memory returnData) = VALIDATOR_PKCHECK_PRECOMPILE.staticcall{
            gas: VALIDATOR_PKCHECK_PRECOMPILE_GAS
        }(abi.encode(message, signature, bitmap));
        bool verified = abi.decode(returnData, (bool));
        require(callSuccess && verified, "SIGNATURE_VERIFICATION_FAILED");
    }
}
