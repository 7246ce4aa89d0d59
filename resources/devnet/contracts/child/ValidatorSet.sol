// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {System} from "../common/System.sol";
import {Initializable} from "../common/Initializable.sol";
import {Validator, Epoch} from "../common/BridgeTypes.sol";

/// @title ValidatorSet
/// @notice Devnet registry of the child chain's validators and committed epochs at 0x…0101.
///         The devnet's validator simulator (the system caller) sets the validator set and commits
///         epochs; readers get the set in CheckpointManager's Validator form and its hash.
/// @dev Much smaller than Edge's staking ValidatorSet; keeps Edge's commitEpoch/NewEpoch/EPOCH_SIZE/
///      totalBlocks shape and exposes voting power as balanceOf/totalSupply as Edge does.
///      No constructor: placed with anvil_setCode, then initialize(epochSize, validators) as a system call.
contract ValidatorSet is System, Initializable {
    // slither-disable-next-line naming-convention
    uint256 public EPOCH_SIZE;
    uint256 public currentEpochId;
    uint256 public totalSupply; // total voting power of the current set
    mapping(uint256 => Epoch) public epochs;
    uint256[] public epochEndBlocks;
    mapping(address => uint256) public balanceOf; // voting power in the current set
    bytes32 public validatorSetHash; // keccak256(abi.encode(Validator[])), as CheckpointManager hashes it
    Validator[] private _validators;

    event NewEpoch(uint256 indexed id, uint256 indexed startBlock, uint256 indexed endBlock, bytes32 epochRoot);
    event ValidatorSetUpdated(uint256 indexed epochId, bytes32 validatorSetHash, uint256 totalVotingPower);

    function initialize(uint256 epochSize, Validator[] calldata validators) external onlySystemCall initializer {
        require(epochSize != 0, "ValidatorSet: EPOCH_SIZE_ZERO");
        EPOCH_SIZE = epochSize;
        currentEpochId = 1;
        _replace(validators);
    }

    /// @notice records epoch `id` (must be the current one, contiguous with the previous epoch)
    function commitEpoch(uint256 id, Epoch calldata epoch) external onlySystemCall {
        require(_isReady(), "ValidatorSet: NOT_INITIALIZED");
        require(id == currentEpochId, "UNEXPECTED_EPOCH_ID");
        require(epoch.endBlock > epoch.startBlock, "NO_BLOCKS_COMMITTED");
        require((epoch.endBlock - epoch.startBlock + 1) % EPOCH_SIZE == 0, "EPOCH_MUST_BE_DIVISIBLE_BY_EPOCH_SIZE");
        uint256 expectedStart = id == 1 ? epoch.startBlock : epochs[id - 1].endBlock + 1;
        require(epoch.startBlock == expectedStart, "INVALID_START_BLOCK");
        epochs[id] = epoch;
        epochEndBlocks.push(epoch.endBlock);
        ++currentEpochId;
        emit NewEpoch(id, epoch.startBlock, epoch.endBlock, epoch.epochRoot);
    }

    /// @notice replaces the validator set; takes effect from the current (uncommitted) epoch
    function updateValidatorSet(Validator[] calldata validators) external onlySystemCall {
        require(_isReady(), "ValidatorSet: NOT_INITIALIZED");
        _replace(validators);
    }

    function getValidators() external view returns (Validator[] memory) {
        return _validators;
    }

    function validatorCount() external view returns (uint256) {
        return _validators.length;
    }

    function totalBlocks(uint256 epochId) external view returns (uint256 length) {
        Epoch memory e = epochs[epochId];
        if (e.endBlock == 0) return 0;
        return e.endBlock - e.startBlock + 1;
    }

    function _isReady() private view returns (bool) {
        return EPOCH_SIZE != 0;
    }

    function _replace(Validator[] calldata validators) private {
        require(validators.length != 0, "ValidatorSet: EMPTY_SET");
        uint256 old = _validators.length;
        for (uint256 i = 0; i < old; ++i) {
            balanceOf[_validators[i]._address] = 0;
        }
        delete _validators;
        uint256 total = 0;
        for (uint256 i = 0; i < validators.length; ++i) {
            Validator calldata v = validators[i];
            require(v.votingPower > 0, "VOTING_POWER_ZERO");
            require(balanceOf[v._address] == 0, "ValidatorSet: DUPLICATE_VALIDATOR");
            balanceOf[v._address] = v.votingPower;
            total += v.votingPower;
            _validators.push(v);
        }
        totalSupply = total;
        validatorSetHash = keccak256(abi.encode(validators));
        emit ValidatorSetUpdated(currentEpochId, validatorSetHash, total);
    }
}
