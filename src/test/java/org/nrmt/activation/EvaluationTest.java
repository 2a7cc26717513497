package org.nrmt.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/** Double and apfloat evaluation against java.lang.Math and mpmath references. */
class EvaluationTest {

    static void assertRelative(double expected, double actual, double tol, String what) {
        double err = Math.abs(actual - expected);
        assertTrue(
                err <= tol * Math.abs(expected) || err <= Double.MIN_NORMAL,
                what + ": expected " + expected + ", got " + actual + " (relative error " + err / Math.abs(expected)
                        + ")");
    }

    /** |actual − expected| ≤ 10^-digits |expected|. */
    static void assertDigits(String expected, Apfloat actual, long digits) {
        Apfloat ref = new Apfloat(expected, digits + 20);
        Apfloat err = ApfloatMath.abs(actual.subtract(ref));
        Apfloat bound = ApfloatMath.abs(ref).multiply(new Apfloat("1e-" + digits, digits + 20));
        assertTrue(
                err.compareTo(bound) <= 0,
                "expected " + expected + "\n got " + actual + "\n error " + err.precision(5));
    }

    private record Case(String text, DoubleUnaryOperator truth) {}

    private static final Case[] CASES = {
        new Case("x", x -> x),
        new Case("sin(x)", Math::sin),
        new Case("cos(2*x+1)", x -> Math.cos(2 * x + 1)),
        new Case("tan(x/3)", x -> Math.tan(x / 3)),
        new Case("atan(x)", Math::atan),
        new Case("exp(-x^2/2)", x -> Math.exp(-(x * x) / 2)),
        new Case("log(1+x^2)", x -> Math.log(1 + x * x)),
        new Case("sqrt(abs(x))", x -> Math.sqrt(Math.abs(x))),
        new Case("abs(x-0.3)", x -> Math.abs(x - 0.3)),
        new Case("sign(x)", Math::signum),
        new Case("step(x)", x -> x > 0 ? 1 : 0),
        new Case("tanh", Math::tanh),
        new Case("sinh(x)-cosh(x)", x -> Math.sinh(x) - Math.cosh(x)),
        new Case("sigmoid", x -> 1 / (1 + Math.exp(-x))),
        new Case("softplus", x -> x > 30 ? x + Math.exp(-x) : Math.log1p(Math.exp(x))),
        new Case("relu", x -> Math.max(x, 0)),
        new Case("relu(x+0.3)", x -> Math.max(x + 0.3, 0)),
        new Case("silu", x -> x / (1 + Math.exp(-x))),
        new Case("max(x, 0.5*x)", x -> Math.max(x, 0.5 * x)),
        new Case("min(x^2, 1)", x -> Math.min(x * x, 1)),
        new Case("clamp(x,-1,1)", x -> Math.min(Math.max(x, -1), 1)),
        new Case("hardtanh", x -> Math.min(Math.max(x, -1), 1)),
        new Case("leaky_relu(x, 0.01)", x -> x >= 0 ? x : 0.01 * x),
        new Case("x^2 - 1", x -> x * x - 1),
        new Case("-x^2", x -> -(x * x)),
        new Case("2^x", x -> Math.pow(2, x)),
        new Case("(x^2+1)^0.5", x -> Math.sqrt(x * x + 1)),
        new Case("x^3 - 3*x", x -> x * x * x - 3 * x),
        new Case("pi*x/e", x -> Math.PI * x / Math.E),
        new Case("1/(1+x^2)", x -> 1 / (1 + x * x)),
        new Case("2*x^4 - x", x -> 2 * Math.pow(x, 4) - x),
        new Case("x^(1+x^2)", x -> Math.pow(x, 1 + x * x)),
    };

    @Test
    void doubleEvaluationMatchesJavaMath() {
        for (Case c : CASES) {
            Activation a = Activation.parse(c.text);
            DoubleUnaryOperator f = a.toDoubleFunction();
            for (int i = 0; i <= 400; i++) {
                double x = -5 + i * 0.025 + 1e-3;
                double expected = c.truth.applyAsDouble(x);
                if (Double.isNaN(expected)) {
                    assertTrue(Double.isNaN(a.value(x)), c.text + " at " + x);
                    continue;
                }
                assertRelative(expected, a.value(x), 1e-14, c.text + " at " + x);
                assertEquals(a.value(x), f.applyAsDouble(x), 0.0, "value and toDoubleFunction agree");
            }
        }
    }

    @Test
    void apfloatAgreesWithDouble() {
        // the special functions themselves: a few ulp
        agree(2e-15, 0, "tanh", "erf", "erfc", "gelu", "silu", "softplus", "sigmoid", "relu(x)", "clamp(2*x,-1,1)");
        // composites: the rounding of inner arguments is amplified by the conditioning (|3x+1| ~ 17)
        agree(1e-14, 1e-14, "sin(3*x+1)", "exp(-x^2)", "atan(x)*cosh(x/4)", "relu(x-0.3)", "x^2-1", "erf(x/sqrt(2))");
    }

    private static void agree(double tol, double absTol, String... texts) {
        for (String t : texts) {
            Activation a = Activation.parse(t);
            for (int i = 0; i <= 30; i++) {
                double x = -6 + i * 0.4 + 1e-3;
                double apf = a.value(new Apfloat(x), 30).doubleValue();
                double err = Math.abs(a.value(x) - apf);
                assertTrue(err <= tol * Math.abs(apf) + absTol, t + " at " + x + ": " + a.value(x) + " vs " + apf);
            }
        }
    }

    @Test
    void tailsAreStableInDouble() {
        Activation sp = Activation.parse("softplus");
        assertEquals(800.0, sp.value(800), 0);
        assertRelative(1.9287498479639177830e-22, sp.value(-50), 1e-15, "softplus(-50)");
        assertEquals(0.0, sp.value(-800), 0);
        Activation sg = Activation.parse("sigmoid");
        assertEquals(1.0, sg.value(800), 0);
        assertRelative(9.3576229688392989538e-14, sg.value(-30), 1e-15, "sigmoid(-30)");
        assertEquals(0.0, sg.value(-800), 0);
        // gelu(-5) = -5 Φ(-5), mpmath: -5*ncdf(-5)
        assertRelative(-1.4332578593959695584e-06, Activation.parse("gelu").value(-5), 1e-14, "gelu(-5)");
        assertRelative(1.5374597944280348502e-12, Activation.parse("erfc").value(5), 1e-14, "erfc(5)");
    }

    /** References: python3 -c "import mpmath as m; m.mp.dps=210; print(m.nstr(m.erf(1),200))" and likewise. */
    @Test
    void apfloatAt200DigitsMatchesMpmath() {
        check(
                "erf",
                "1",
                "0.84270079294971486934122063508260925929606699796630290845993789783471725409601084126198332534814488845415826153202169436485233905825520678977343978705929558133861350351469641943929315680589912071863871");
        check(
                "tanh",
                "1",
                "0.76159415595576488811945828260479359041276859725793655159681050012195324457663848345894752167367671442190275970155407753236830911476248541329700666961132112539651013760808777643934099260420667955311748");
        check(
                "erfc",
                "5",
                "0.0000000000015374597944280348501883434853833788901180503147233799306879140559203913645586914647181438594641887693124296121652386048637209625231370725881915107941000952915802861394033089030108325844567287910450759");
        // log1p(exp(-50))
        check(
                "softplus",
                "-50",
                "0.00000000000000000000019287498479639177830171568127282115329546846903570563321956425586447427352610760118275466252632990955285496072825645228637821324716932484722759170203930798052480569149423543049701244382294261208483172");
        // 40 + log1p(exp(-40))
        check(
                "softplus",
                "40",
                "40.000000000000000004248354255291588986304977843631582181877750679822974542205451375458783923974602881307052756226314358741954317749251648920347057454398955665476220521052409923462473321376056552560638");
        check(
                "sigmoid",
                "-30",
                "0.000000000000093576229688392989538395626532849841115757354278695855573617374563401852608264349703978105471706801619771121974583413678108401523719509130296477009483544511848982994498354930734077977600672272588613468");
        // -5*ncdf(-5)
        check(
                "gelu",
                "-5",
                "-0.0000014332578593959695583687616643732267692721150680594478654274639946737938496103199668192654415827863707082049528709525828986994161144423578115197833405398271623946178805742713872084799039148002119710908");
        check(
                "silu",
                "-3",
                "-0.14227761953270034263654445531525660415853829726182730215366402632334613450813070165735096347318011701775423090025130034066094653111047973489211562729904907207468175321351148826909772851114190833244207");
        check(
                "atan(2*x)+sin(10*x)",
                "1",
                "0.56312760690472068961231779832715975838640463248520875510235519481695312933686936830634145479118742527625036676718748352452159706671198025726032483950950129774258950320123282975622940952788235148455782");
        check(
                "log(3*x)*sqrt(2*x)",
                "1",
                "1.5536723984241864479295538418555466074608889148285432490435174212565867479791893632061801332333575280548692579939852323887676898832784773011180703066520087571913519260549976931679252950721627836489826");
        check(
                "x^2.5",
                "1.7",
                "3.7680989902071309570289575601940685927532382042100178352733293790016519643157899210155803984828187584508552370196288063800163847475783789425663889581829682525869758551520861797654683204180713361881298");
        check(
                "tan(x)/cosh(7*x/12)-sinh(x/4)",
                "1.2",
                "1.7447269478304259711237359187169816895291688540207765225178879060922380547230430004992239668071761182888029786090536207519709158903176728431263913281725222557403448503776590525383972344812808066243262");
    }

    /** Large arguments (range reduction) and tiny ones (cancellation in 1 − e^{−2x}); mpmath, dps=220. */
    @Test
    void apfloatRangeReductionAndSmallArguments() {
        check(
                "sin",
                "1000.5",
                "0.99527395710521354277404244290490432657310406652906614871326025786289119848823201255814731112379637350786503140191251127376142025604992634150115290283842807315031811688378655280291594298394875084351236");
        check(
                "cos",
                "-7.8539816",
                "0.000000033974483096156601922269794823879152143805863462158214286476469210553000504107567789350612639476304370914601060721237835829139542354719396501806641484699467387160171540691783333948173476226379762008400");
        check(
                "tanh",
                "1e-30",
                "0.00000000000000000000000000000099999999999999999999999999999999999999999999999999999999999966666666666666666666666666666666666666666666666666666666666679999999999999999999999999999999999999999999999999999999999994603174603174603175");
        check(
                "sinh",
                "-0.001",
                "-0.0010000001666666750000001984127011684303601491103097005882430816321364728309679678174513907005998062015150241995007245148347478178939109808605649634558740428052652848065062463722829658158669436923093775");
    }

    private static void check(String text, String x, String expected) {
        Apfloat v = Activation.parse(text).value(new Apfloat(x), 200);
        assertDigits(expected, v, 198);
    }

    /**
     * 1000 digits. References: mpmath at dps=1020: erf(1); log1p(exp(-3)) + tanh(0.5)*erfc(2).
     */
    @Test
    void apfloatReaches1000Digits() {
        Apfloat erf1 = Activation.parse("erf").value(new Apfloat(1), 1000);
        assertDigits(
                "0.842700792949714869341220635082609259296066997966302908459937897834717254096010841261983325348144888454158261532021694364852339058255206789773439787059295581338613503514696419439293156805899120718638712819448293958693792915460949319560365274681776589159084365902708523255067745071827599313775668060032609439512975209617448342549723090623610086974505592150793585063703628847156196077544593902850310292564038369333031181269548157330062385264117047995522433825327442980230963534128031513891701708741512010542563154436453150882386407345614251428801291061633654283122211788805725726569772132618526882728998448055505120085641462612742267247322564748078472880956028253807513667899283775427590338987605267609631350904299912640075162017665883033598333057868841348971862210461624193211719361739149232383141196956325645032020155639782430291518584653451389533127577314929218451859333274106052804438886919884653082777591148599382392650288424872790181759246181515683712337267218233892335615676546752318453118270123839801",
                erf1,
                998);
        Apfloat mixed = Activation.parse("softplus(-3*x) + tanh(x/2)*erfc(2*x)").value(new Apfloat(1), 1000);
        assertDigits(
                "0.0507490131655993268733336447847995924695455932763074479941302104503549639751253446210635464457452141530095020317297711766366477214367084683854390953952366005881714032049573691321487397973323052171718107721245663767967627151711071685934172920387926421000178210422722157770432196816943945061015833665175804168987387128449948979042475967010235974424274332717837131454571104108495977602543583925784995922022649796438797449013850957172072810850315074560075522681163984494408165727303823720180986041674982214051485292232206354832085228947484238424773167193819650282200306159172407823335914162399838419609743202736379829660205543408705779124654437555328666633082598234034818053443609634451711102764467336168962362101638835768083919476826383373963028543721038091227327905551766340943844042780746785500735192979766897676915554695010688139730590894016975874292658985343612827388114363331671565647110593904553087964823805105566572320690968667797126787611886149897193119748875619362404971207404969582392228546873214090",
                mixed,
                998);
    }

    @Test
    void domainErrorsThrowInApfloatWithTheValue() {
        ArithmeticException log = assertThrows(
                ArithmeticException.class, () -> Activation.parse("log(x)").value(new Apfloat(-1), 30));
        assertTrue(log.getMessage().contains("-1"), log.getMessage());
        ArithmeticException sqrt = assertThrows(
                ArithmeticException.class, () -> Activation.parse("sqrt(x-1)").value(new Apfloat(-1), 30));
        assertTrue(sqrt.getMessage().contains("-2"), sqrt.getMessage());
        assertThrows(ArithmeticException.class, () -> Activation.parse("1/x").value(new Apfloat(0), 30));
        assertThrows(ArithmeticException.class, () -> Activation.parse("x^0.5").value(new Apfloat(-1), 30));
        assertThrows(ArithmeticException.class, () -> Activation.parse("x^-1").value(new Apfloat(0), 30));
        assertThrows(IllegalArgumentException.class, () -> Activation.parse("x").value(new Apfloat(0), 0));
        // in double the same points are NaN or infinite, as documented
        assertTrue(Double.isNaN(Activation.parse("log(x)").value(-1)));
        assertTrue(Double.isInfinite(Activation.parse("1/x").value(0)));
    }

    @Test
    void integerPowersOfNegativeNumbersAreDefined() {
        assertEquals(-8.0, Activation.parse("x^3").value(new Apfloat(-2), 20).doubleValue(), 0);
        assertEquals(0.25, Activation.parse("x^-2").value(new Apfloat(-2), 20).doubleValue(), 0);
        assertEquals(-8.0, Activation.parse("x^3").value(-2), 0);
    }
}
