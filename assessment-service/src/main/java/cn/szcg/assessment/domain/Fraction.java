package cn.szcg.assessment.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact non-negative-denominator rational number (分数). All assessment formulas are evaluated
 * exactly with fractions and rounded once, at the end, to two decimals {@link RoundingMode#HALF_UP}
 * — so a rate is never rounded and then multiplied again.
 */
public final class Fraction implements Comparable<Fraction> {
  public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
  public static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

  private final BigInteger numerator;
  private final BigInteger denominator;

  private Fraction(BigInteger numerator, BigInteger denominator) {
    this.numerator = numerator;
    this.denominator = denominator;
  }

  /** numerator / denominator, reduced; the denominator must not be zero. */
  public static Fraction of(BigInteger numerator, BigInteger denominator) {
    Objects.requireNonNull(numerator);
    if (denominator.signum() == 0) {
      throw new ArithmeticException("fraction with denominator 0");
    }
    if (denominator.signum() < 0) {
      numerator = numerator.negate();
      denominator = denominator.negate();
    }
    BigInteger gcd = numerator.gcd(denominator);
    if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
      numerator = numerator.divide(gcd);
      denominator = denominator.divide(gcd);
    }
    return new Fraction(numerator, denominator);
  }

  public static Fraction of(long numerator, long denominator) {
    return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
  }

  /** The exact value of a decimal, e.g. 0.3 = 3/10. */
  public static Fraction of(BigDecimal decimal) {
    if (decimal.scale() >= 0) {
      return of(decimal.unscaledValue(), BigInteger.TEN.pow(decimal.scale()));
    }
    return of(
        decimal.unscaledValue().multiply(BigInteger.TEN.pow(-decimal.scale())), BigInteger.ONE);
  }

  public Fraction plus(Fraction other) {
    return of(
        numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
        denominator.multiply(other.denominator));
  }

  public Fraction minus(Fraction other) {
    return plus(other.negate());
  }

  public Fraction times(Fraction other) {
    return of(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
  }

  public Fraction negate() {
    return new Fraction(numerator.negate(), denominator);
  }

  /** 1 − this: the "good direction" of an inverted rate (e.g. 1 − 返工率). */
  public Fraction complement() {
    return ONE.minus(this);
  }

  /** Rounded once to {@code scale} decimals, HALF_UP (四舍五入). */
  public BigDecimal toDecimal(int scale) {
    return new BigDecimal(numerator)
        .divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
  }

  public BigInteger numerator() {
    return numerator;
  }

  public BigInteger denominator() {
    return denominator;
  }

  @Override
  public int compareTo(Fraction o) {
    return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fraction f
        && numerator.equals(f.numerator)
        && denominator.equals(f.denominator);
  }

  @Override
  public int hashCode() {
    return Objects.hash(numerator, denominator);
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
