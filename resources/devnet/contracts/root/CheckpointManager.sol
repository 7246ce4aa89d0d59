// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Initializable} from "../common/Initializable.sol";
import {Validator, Checkpoint, CheckpointMetadata} from "../common/BridgeTypes.sol";
import {Merkle} from "../lib/Merkle.sol";
import {SortedArrays} from "../lib/SortedArrays.sol";

interface IBLSVerifier {
    function hashToPoint(bytes32 domain, bytes memory message) external view returns (uint256[2] memory);
    function verifySingle(
        uint256[2] calldata signature,
        uint256[4] calldata pubkey,
        uint256[2] calldata message
    ) external view returns (bool, bool);
}

interface IG2Adder {
    function ecTwistAdd(
        uint256 pt1xx,
        uint256 pt1xy,
        uint256 pt1yx,
        uint256 pt1yy,
        uint256 pt2xx,
        uint256 pt2xy,
        uint256 pt2yx,
        uint256 pt2yy
    ) external view returns (uint256, uint256, uint256, uint256);
}

/// @title CheckpointManager
/// @notice Stores child-chain checkpoints (epoch, block number, exit event root) signed by a quorum
///         of the current validator set. Behaviour, check order and quirks follow Edge v1.x
///         (docs/protocol.md "CheckpointManager submit").
/// @dev submit emits no event. Deploy with no arguments, then
///      initialize(bls, bn256G2, childChainId, initialValidatorSet).
contract CheckpointManager is Initializable {
    using Merkle for bytes32;
    using SortedArrays for uint256[];

    bytes32 public constant DOMAIN = keccak256("DOMAIN_CHECKPOINT_MANAGER");

    uint256 public chainId;
    uint256 public currentEpoch;
    uint256 public currentValidatorSetLength;
    uint256 public currentCheckpointBlockNumber;
    uint256 public totalVotingPower;
    IBLSVerifier public bls;
    IG2Adder public bn256G2;

    mapping(uint256 => Checkpoint) public checkpoints; // epoch -> checkpoint
    mapping(uint256 => Validator) public currentValidatorSet;
    uint256[] public checkpointBlockNumbers; // index i holds the last checkpoint block of epoch i + 1
    bytes32 public currentValidatorSetHash;

    /// @param newBls address of a BLS contract (hashToPoint, verifySingle)
    /// @param newBn256G2 address of a BN256G2 contract (ecTwistAdd)
    /// @param chainId_ chain id of the child chain (part of the signed message)
    /// @param newValidatorSet initial validator set; every voting power must be > 0
    function initialize(
        IBLSVerifier newBls,
        IG2Adder newBn256G2,
        uint256 chainId_,
        Validator[] calldata newValidatorSet
    ) external initializer {
        chainId = chainId_;
        bls = newBls;
        bn256G2 = newBn256G2;
        _setNewValidatorSet(newValidatorSet);
    }

    function submit(
        CheckpointMetadata calldata checkpointMetadata,
        Checkpoint calldata checkpoint,
        uint256[2] calldata signature,
        Validator[] calldata newValidatorSet,
        bytes calldata bitmap
    ) external {
        require(currentValidatorSetHash == checkpointMetadata.currentValidatorSetHash, "INVALID_VALIDATOR_SET_HASH");
        bytes memory message = abi.encode(
            keccak256(
                abi.encode(
                    chainId,
                    checkpoint.blockNumber,
                    checkpointMetadata.blockHash,
                    checkpointMetadata.blockRound,
                    checkpoint.epoch,
                    checkpoint.eventRoot,
                    checkpointMetadata.currentValidatorSetHash,
                    keccak256(abi.encode(newValidatorSet))
                )
            )
        );
        _verifySignature(bls.hashToPoint(DOMAIN, message), signature, bitmap);

        uint256 prevEpoch = currentEpoch;
        Checkpoint memory previous = checkpoints[prevEpoch];
        require(checkpoint.epoch == previous.epoch || checkpoint.epoch == previous.epoch + 1, "INVALID_EPOCH");
        require(checkpoint.blockNumber > previous.blockNumber, "EMPTY_CHECKPOINT");

        checkpoints[checkpoint.epoch] = checkpoint;
        if (checkpoint.epoch > prevEpoch) {
            checkpointBlockNumbers.push(checkpoint.blockNumber);
            ++currentEpoch;
        } else {
            // same epoch again: overwrite its last block. With no checkpoint yet (epoch 0) the
            // index underflows and reverts with panic 0x11, as Edge does.
            checkpointBlockNumbers[checkpointBlockNumbers.length - 1] = checkpoint.blockNumber;
        }
        currentCheckpointBlockNumber = checkpoint.blockNumber;

        _setNewValidatorSet(newValidatorSet);
    }

    function getEventMembershipByBlockNumber(
        uint256 blockNumber,
        bytes32 leaf,
        uint256 leafIndex,
        bytes32[] calldata proof
    ) external view returns (bool) {
        bytes32 eventRoot = getEventRootByBlock(blockNumber);
        require(eventRoot != bytes32(0), "NO_EVENT_ROOT_FOR_BLOCK_NUMBER");
        return leaf.checkMembership(leafIndex, eventRoot, proof);
    }

    function getEventMembershipByEpoch(
        uint256 epoch,
        bytes32 leaf,
        uint256 leafIndex,
        bytes32[] calldata proof
    ) external view returns (bool) {
        bytes32 eventRoot = checkpoints[epoch].eventRoot;
        require(eventRoot != bytes32(0), "NO_EVENT_ROOT_FOR_EPOCH");
        return leaf.checkMembership(leafIndex, eventRoot, proof);
    }

    /// @return found whether some checkpoint block is >= blockNumber
    /// @return checkpointBlock the first such checkpoint block
    function getCheckpointBlock(uint256 blockNumber) external view returns (bool found, uint256 checkpointBlock) {
        uint256 idx = checkpointBlockNumbers.upperBound(blockNumber);
        if (idx == checkpointBlockNumbers.length) return (false, 0);
        return (true, checkpointBlockNumbers[idx]);
    }

    function getEventRootByBlock(uint256 blockNumber) public view returns (bytes32) {
        return checkpoints[checkpointBlockNumbers.upperBound(blockNumber) + 1].eventRoot;
    }

    /// @notice number of entries in checkpointBlockNumbers (one per checkpointed epoch)
    function checkpointBlockNumbersLength() external view returns (uint256) {
        return checkpointBlockNumbers.length;
    }

    /// @notice BLS public key of validator i of the current set (the public getter omits arrays)
    function currentValidatorBlsKey(uint256 index) external view returns (uint256[4] memory) {
        return currentValidatorSet[index].blsKey;
    }

    function _setNewValidatorSet(Validator[] calldata newValidatorSet) private {
        uint256 length = newValidatorSet.length;
        currentValidatorSetLength = length;
        currentValidatorSetHash = keccak256(abi.encode(newValidatorSet));
        uint256 totalPower = 0;
        for (uint256 i = 0; i < length; ++i) {
            uint256 votingPower = newValidatorSet[i].votingPower;
            require(votingPower > 0, "VOTING_POWER_ZERO");
            totalPower += votingPower;
            currentValidatorSet[i] = newValidatorSet[i];
        }
        totalVotingPower = totalPower;
    }

    /// @dev bitmap bit i (LSB first in byte i/8) marks validator i as a signer; bits at or beyond the
    ///      validator count are ignored.
    function _verifySignature(
        uint256[2] memory message,
        uint256[2] calldata signature,
        bytes calldata bitmap
    ) private view {
        uint256 length = currentValidatorSetLength;
        uint256[4] memory aggPubkey;
        uint256 aggVotingPower = 0;
        for (uint256 i = 0; i < length; ++i) {
            if (!_isSet(bitmap, i)) continue;
            uint256[4] memory key = currentValidatorSet[i].blsKey;
            if (aggVotingPower == 0) {
                aggPubkey = key;
            } else {
                (aggPubkey[0], aggPubkey[1], aggPubkey[2], aggPubkey[3]) = bn256G2.ecTwistAdd(
                    aggPubkey[0],
                    aggPubkey[1],
                    aggPubkey[2],
                    aggPubkey[3],
                    key[0],
                    key[1],
                    key[2],
                    key[3]
                );
            }
            aggVotingPower += currentValidatorSet[i].votingPower;
        }

        require(aggVotingPower != 0, "BITMAP_IS_EMPTY");
        require(aggVotingPower > ((2 * totalVotingPower) / 3), "INSUFFICIENT_VOTING_POWER");

        (bool callSuccess, bool result) = bls.verifySingle(signature, aggPubkey, message);
        require(callSuccess && result, "SIGNATURE_VERIFICATION_FAILED");
    }

    function _isSet(bytes calldata bitmap, uint256 index) private pure returns (bool) {
        uint256 byteNumber = index / 8;
        if (byteNumber >= bitmap.length) return false;
        return (uint8(bitmap[byteNumber]) >> (index % 8)) & 1 == 1;
    }
}
