package dev.earshot.judge.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FftTest {

  @ParameterizedTest
  @ValueSource(ints = {2, 4, 8, 16, 1024, 16384})
  void shouldMatchCommonsMathAndInvertBack(int size) {
    Random random = new Random(size);
    double[] re = new double[size];
    double[] im = new double[size];
    Complex[] input = new Complex[size];
    for (int i = 0; i < size; i++) {
      re[i] = random.nextGaussian();
      im[i] = random.nextGaussian();
      input[i] = new Complex(re[i], im[i]);
    }
    double[] originalRe = re.clone();
    Fft fft = Fft.ofSize(size);

    fft.forward(re, im);
    Complex[] expected =
        new FastFourierTransformer(DftNormalization.STANDARD)
            .transform(input, TransformType.FORWARD);
    for (int k = 0; k < size; k++) {
      assertThat(re[k]).isCloseTo(expected[k].getReal(), within(1e-9));
      assertThat(im[k]).isCloseTo(expected[k].getImaginary(), within(1e-9));
    }
    fft.inverseUnscaled(re, im);
    for (int i = 0; i < size; i++) {
      assertThat(re[i] / size).isCloseTo(originalRe[i], within(1e-9));
    }
  }

  @Test
  void shouldPlanEachSizeOnceUpToTheLargestSharedOne() {
    assertThat(Fft.ofSize(1024)).isSameAs(Fft.ofSize(1024));
    assertThat(Fft.ofSize(Fft.LARGEST_SHARED_SIZE)).isSameAs(Fft.ofSize(Fft.LARGEST_SHARED_SIZE));
    assertThat(Fft.ofSize(2 * Fft.LARGEST_SHARED_SIZE))
        .isNotSameAs(Fft.ofSize(2 * Fft.LARGEST_SHARED_SIZE));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 12, 3 << 16})
  void shouldRejectSizesThatAreNotPowersOfTwo(int size) {
    assertThatThrownBy(() -> Fft.ofSize(size)).isInstanceOf(IllegalArgumentException.class);
  }
}
