package io.bridgescope.core.chain;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthChainId;
import org.web3j.protocol.core.methods.response.EthGetCode;

/** What a node says about who it is: chain id, genesis hash, and the code size at addresses. */
public record NodeIdentity(long chainId, Hash32 genesis, Map<Address, Integer> codeSizes) {

  /**
   * {@code eth_chainId}, block 0's hash and {@code eth_getCode} of {@code contracts} from {@code
   * node} in one batch; a malformed reply is a typed bad reply naming the node.
   */
  static NodeIdentity read(ChainClient node, List<Address> contracts) {
    Web3j web3 = node.web3();
    BatchRequest batch = web3.newBatch();
    batch.add(web3.ethChainId());
    batch.add(web3.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.ZERO), false));
    contracts.forEach(
        a -> batch.add(web3.ethGetCode(a.toString(), DefaultBlockParameterName.LATEST)));
    List<? extends Response<?>> rs =
        node.sendBatch("eth_chainId/eth_getBlockByNumber/eth_getCode", batch);
    try {
      long id = ((EthChainId) rs.get(0)).getChainId().longValueExact();
      EthBlock.Block genesis = ((EthBlock) rs.get(1)).getBlock();
      if (genesis == null) {
        throw new ChainException(
            RpcErrorKind.OTHER_RPC_ERROR, node.label() + " (" + node.url() + ") has no block 0");
      }
      Map<Address, Integer> sizes = new LinkedHashMap<>();
      for (int i = 0; i < contracts.size(); i++) {
        String code = ((EthGetCode) rs.get(2 + i)).getCode();
        sizes.put(
            contracts.get(i), Hex.decode("eth_getCode result", code == null ? "0x" : code).length);
      }
      return new NodeIdentity(id, Hash32.of(genesis.getHash()), sizes);
    } catch (ClassCastException
        | IllegalArgumentException
        | NullPointerException
        | ArithmeticException e) {
      throw ChainException.badReply(
          node.label()
              + " node "
              + node.url()
              + " sent a malformed reply to its identity batch: "
              + e,
          e);
    }
  }
}
