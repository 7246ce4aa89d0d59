package io.bridgescope.core.network;

import io.bridgescope.core.model.Address;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The bridge contracts of a network. Root-chain addresses come from the deployment (genesis.json);
 * child-chain ones are Edge's fixed system addresses unless a network says otherwise
 * (docs/protocol.md, Chains and contracts).
 */
public record BridgeContracts(
    Address stateSender,
    Address checkpointManager,
    Address exitHelper,
    Address rootErc20Predicate,
    Address stateReceiver,
    Address l2StateSender,
    Address childErc20Predicate,
    Address validatorSet) {

  public static final Address EDGE_STATE_RECEIVER = Address.ofLow(0x1001);
  public static final Address EDGE_L2_STATE_SENDER = Address.ofLow(0x1002);
  public static final Address EDGE_CHILD_ERC20_PREDICATE = Address.ofLow(0x1004);
  public static final Address EDGE_VALIDATOR_SET = Address.ofLow(0x0101);

  public BridgeContracts {
    Objects.requireNonNull(stateSender, "stateSender");
    Objects.requireNonNull(checkpointManager, "checkpointManager");
    Objects.requireNonNull(exitHelper, "exitHelper");
    Objects.requireNonNull(rootErc20Predicate, "rootErc20Predicate");
    Objects.requireNonNull(stateReceiver, "stateReceiver");
    Objects.requireNonNull(l2StateSender, "l2StateSender");
    Objects.requireNonNull(childErc20Predicate, "childErc20Predicate");
    Objects.requireNonNull(validatorSet, "validatorSet");
  }

  /** The addresses keyed by their field name in the profile file, in file order. */
  public Map<String, Address> byField() {
    Map<String, Address> m = new LinkedHashMap<>();
    m.put("stateSender", stateSender);
    m.put("checkpointManager", checkpointManager);
    m.put("exitHelper", exitHelper);
    m.put("rootErc20Predicate", rootErc20Predicate);
    m.put("stateReceiver", stateReceiver);
    m.put("l2StateSender", l2StateSender);
    m.put("childErc20Predicate", childErc20Predicate);
    m.put("validatorSet", validatorSet);
    return m;
  }
}
