package io.fusillade.aggregator.output;

import io.fusillade.aggregator.report.Units;
import io.fusillade.aggregator.summary.CheckSummary;
import io.fusillade.aggregator.summary.Summary;
import io.fusillade.aggregator.threshold.ThresholdResult;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code --out junit=FILE}: the run as JUnit XML, the format CI systems read. Two suites:
 * {@code thresholds}, one test case per threshold (failed when the threshold failed), and
 * {@code checks}, one test case per check (failed when any evaluation of it failed, with its
 * failure count and messages).
 */
public final class JunitReport {
    /** The XML text for {@code summary}; {@code name} names the top-level suite (the script). */
    public String render(Summary summary, String name) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            List<ThresholdResult> thresholds = summary.thresholds();
            List<CheckSummary> checks = summary.checks();
            long thresholdFailures = thresholds.stream().filter(r -> !r.passed()).count();
            long checkFailures = checks.stream().filter(c -> c.fails() > 0).count();
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", name);
            xml.writeAttribute("tests", Integer.toString(thresholds.size() + checks.size()));
            xml.writeAttribute("failures", Long.toString(thresholdFailures + checkFailures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("time", seconds(summary.durationSecs()));
            xml.writeCharacters("\n");

            suite(xml, "thresholds", thresholds.size(), thresholdFailures, summary.durationSecs());
            for (ThresholdResult r : thresholds) {
                testCase(xml, "thresholds." + r.threshold().metric(), r.threshold().source());
                if (!r.passed()) {
                    String observed = r.observed().isPresent() ? Units.number(r.observed().getAsDouble()) : r.note();
                    failure(xml, r.threshold().metric() + ": '" + r.threshold().source() + "' failed, observed " + observed,
                            "threshold", null);
                }
                endElement(xml, 2);
            }
            endElement(xml, 1);

            suite(xml, "checks", checks.size(), checkFailures, summary.durationSecs());
            for (CheckSummary c : checks) {
                testCase(xml, "checks", c.name());
                if (c.fails() > 0) {
                    failure(xml, c.fails() + " of " + (c.passes() + c.fails()) + " failed (" + Units.percent(1 - c.passRate())
                            + " failure rate)", "check", c.messages().isEmpty() ? null : String.join("\n", c.messages()));
                }
                endElement(xml, 2);
            }
            endElement(xml, 1);
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot render the JUnit report: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void suite(XMLStreamWriter xml, String name, int tests, long failures, double seconds) throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", name);
        xml.writeAttribute("tests", Integer.toString(tests));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(seconds));
        xml.writeCharacters("\n");
    }

    private static void testCase(XMLStreamWriter xml, String className, String name) throws XMLStreamException {
        xml.writeCharacters("    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", className);
        xml.writeAttribute("name", name);
        xml.writeAttribute("time", "0");
    }

    private static void failure(XMLStreamWriter xml, String message, String type, String body) throws XMLStreamException {
        xml.writeStartElement("failure");
        xml.writeAttribute("message", message);
        xml.writeAttribute("type", type);
        xml.writeCharacters(body == null ? message : body);
        xml.writeEndElement();
    }

    private static void endElement(XMLStreamWriter xml, int depth) throws XMLStreamException {
        if (depth == 1) {
            xml.writeCharacters("  ");
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", Double.isFinite(seconds) ? seconds : 0);
    }

    /** Writes the report to {@code file}. */
    public void write(Summary summary, String name, java.nio.file.Path file) throws IOException {
        Reports.write(file, render(summary, name), "JUnit report");
    }
}
