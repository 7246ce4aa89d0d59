package io.bridgescope.devnet;

import io.bridgescope.core.model.Address;

/** Where the devnet put every bridge contract. Child system contracts sit at Edge's addresses. */
public record DevnetContracts(
    Address stateSender,
    Address checkpointManager,
    Address exitHelper,
    Address rootPredicate,
    Address rootToken,
    Address stateReceiver,
    Address l2StateSender,
    Address childPredicate,
    Address validatorSet,
    Address blsPrecompile,
    Address childToken,
    Address nativeRootToken) {

  public static final Address STATE_RECEIVER = Address.ofLow(0x1001);
  public static final Address L2_STATE_SENDER = Address.ofLow(0x1002);
  public static final Address CHILD_PREDICATE = Address.ofLow(0x1004);
  public static final Address VALIDATOR_SET = Address.ofLow(0x0101);
  public static final Address BLS_PRECOMPILE = Address.ofLow(0x2030);

  /**
   * Edge's NativeERC20: the child's native coin as an ERC-20, mapped to {@code nativeRootToken}.
   */
  public static final Address NATIVE_TOKEN = Address.ofLow(0x1010);

  /** Edge's native-transfer precompile; on the devnet a NativeTransfer stand-in (NativeLedger). */
  public static final Address NATIVE_TRANSFER = Address.ofLow(0x2020);

  /** Edge's system caller for {@code StateReceiver.commit}. */
  public static final Address SYSTEM = Address.of("0xfffffffffffffffffffffffffffffffffffffffe");
}
