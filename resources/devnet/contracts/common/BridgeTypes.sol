// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// Structs shared by the bridge contracts, field for field as Edge's (docs/protocol.md "Structs").

struct Validator {
    address _address;
    uint256[4] blsKey; // G2 public key [x.real, x.imag, y.real, y.imag]
    uint256 votingPower;
}

struct Checkpoint {
    uint256 epoch;
    uint256 blockNumber;
    bytes32 eventRoot;
}

struct CheckpointMetadata {
    bytes32 blockHash;
    uint256 blockRound;
    bytes32 currentValidatorSetHash;
}

struct StateSync {
    uint256 id;
    address sender;
    address receiver;
    bytes data;
}

struct StateSyncCommitment {
    uint256 startId;
    uint256 endId;
    bytes32 root;
}

struct BatchExitInput {
    uint256 blockNumber;
    uint256 leafIndex;
    bytes unhashedLeaf;
    bytes32[] proof;
}

struct Epoch {
    uint256 startBlock;
    uint256 endBlock;
    bytes32 epochRoot;
}

interface IStateSender {
    function syncState(address receiver, bytes calldata data) external;
}

interface IERC20Like {
    function name() external view returns (string memory);
    function symbol() external view returns (string memory);
    function decimals() external view returns (uint8);
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

interface IChildERC20 {
    function initialize(address rootToken_, string calldata name_, string calldata symbol_, uint8 decimals_) external;
    function predicate() external view returns (address);
    function rootToken() external view returns (address);
    function mint(address account, uint256 amount) external returns (bool);
    function burn(address account, uint256 amount) external returns (bool);
}
