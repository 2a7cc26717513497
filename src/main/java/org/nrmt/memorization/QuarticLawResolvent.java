package org.nrmt.memorization;

import java.util.List;
import org.nrmt.spectrum.NegativeAxisPoint;
import org.nrmt.spectrum.QuarticLaw;
import org.nrmt.spectrum.UncertifiedPointException;

/**
 * G(−λ), G′(−λ) from {@link QuarticLaw#stieltjesNegativeAxis(double[])}, the certified
 * continuation from −∞; an uncertified point is refused, never used.
 */
public record QuarticLawResolvent(QuarticLaw law) implements NegativeAxisResolvent {

    @Override
    public NegativeAxisPoint at(double lambda) {
        return along(new double[] {lambda})[0];
    }

    @Override
    public NegativeAxisPoint[] along(double[] lambdas) {
        List<NegativeAxisPoint> pts = law.stieltjesNegativeAxis(lambdas);
        NegativeAxisPoint[] out = pts.toArray(NegativeAxisPoint[]::new);
        for (NegativeAxisPoint p : out) {
            if (!p.certified()) {
                throw new UncertifiedPointException(
                        "G(-lambda) not certified at lambda = " + p.lambda() + " for " + law.params());
            }
        }
        return out;
    }
}
