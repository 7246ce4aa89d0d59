package io.bridgescope.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class Uint256CodecTest {

  @Provide
  Arbitrary<BigInteger> uint256() {
    return Arbitraries.bigIntegers()
        .between(BigInteger.ZERO, BigInteger.TWO.pow(256).subtract(BigInteger.ONE))
        .edgeCases(e -> e.add(BigInteger.TWO.pow(255)));
  }

  @Property
  void roundTripsLosslessly(@ForAll("uint256") BigInteger v) {
    byte[] b = Sql.u256(v);
    assertThat(b).hasSize(32);
    assertThat(Sql.u256(b)).isEqualTo(v);
  }

  @Property
  void byteOrderIsNumericOrder(@ForAll("uint256") BigInteger a, @ForAll("uint256") BigInteger b) {
    assertThat(Integer.signum(Arrays.compareUnsigned(Sql.u256(a), Sql.u256(b))))
        .isEqualTo(a.compareTo(b));
    assertThat(Arrays.compareUnsigned(Sql.u256(a), Sql.aboveAllU256())).isNegative();
  }

  @Property
  void rejectsValuesOutsideUint256(@ForAll("uint256") BigInteger v) {
    assertThatThrownBy(() -> Sql.u256(v.add(BigInteger.TWO.pow(256))))
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> Sql.u256(v.negate().subtract(BigInteger.ONE)))
        .hasMessageContaining("out of range");
  }
}
