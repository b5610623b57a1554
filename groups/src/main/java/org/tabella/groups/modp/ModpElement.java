package org.tabella.groups.modp;

import java.math.BigInteger;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;
import org.tabella.groups.internal.Bytes;

/** An element of a {@link ModpGroup}: an integer in [1, p) of order dividing q. */
final class ModpElement implements Element {
  private final ModpGroup group;
  private final BigInteger value;

  ModpElement(ModpGroup group, BigInteger value) {
    this.group = group;
    this.value = value;
  }

  BigInteger value() {
    return value;
  }

  @Override
  public Group group() {
    return group;
  }

  @Override
  public Element mul(Element other) {
    return new ModpElement(group, group.multiplyMod(value, group.cast(other).value));
  }

  @Override
  public Element inverse() {
    return new ModpElement(group, value.modInverse(group.p()));
  }

  @Override
  public Element square() {
    return new ModpElement(group, group.multiplyMod(value, value));
  }

  @Override
  public Element exp(Scalar e) {
    return new ModpElement(group, group.expSecret(value, group.requireScalar(e)));
  }

  @Override
  public Element expPublic(Scalar e) {
    return new ModpElement(group, value.modPow(group.requireScalar(e).toBigInteger(), group.p()));
  }

  @Override
  public boolean isIdentity() {
    return value.equals(BigInteger.ONE);
  }

  @Override
  public byte[] encode() {
    return Bytes.toFixedLength(value, group.elementLength());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModpElement m && m.group.equals(group) && m.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    String hex = value.toString(16);
    return group.name() + ":" + (hex.length() > 16 ? hex.substring(0, 16) + "…" : hex);
  }
}
