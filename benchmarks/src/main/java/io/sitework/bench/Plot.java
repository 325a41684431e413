package io.sitework.bench;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Line charts drawn with plain Java2D into PNG files (no charting library, no display needed). */
final class Plot {

    private Plot() {
    }

    /** {@code points}: {rate, p50, p90, p99} per offered load; one line per percentile. */
    static void latencyVsLoad(List<double[]> points, String title, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int w = 800;
        int h = 500;
        int left = 70;
        int right = 150;
        int top = 50;
        int bottom = 60;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double maxX = points.stream().mapToDouble(p -> p[0]).max().orElse(1) * 1.05;
        double maxY = points.stream().mapToDouble(p -> Math.max(p[1], Math.max(p[2], p[3]))).filter(v -> !Double.isNaN(v)).max().orElse(1) * 1.1;
        int pw = w - left - right;
        int ph = h - top - bottom;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, left, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(left, top + ph, left + pw, top + ph);
        g.drawLine(left, top, left, top + ph);
        for (int i = 0; i <= 5; i++) {
            int y = top + ph - i * ph / 5;
            int x = left + i * pw / 5;
            g.setColor(new Color(230, 230, 230));
            g.drawLine(left + 1, y, left + pw, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.0f", maxY * i / 5), 10, y + 4);
            g.drawString(String.format(Locale.ROOT, "%.0f", maxX * i / 5), x - 10, top + ph + 18);
        }
        g.drawString("offered load (commands/s)", left + pw / 2 - 70, h - 15);
        g.drawString("ms", 20, top - 8);
        Color[] colors = {new Color(40, 120, 200), new Color(240, 150, 30), new Color(200, 40, 40)};
        String[] names = {"p50", "p90", "p99"};
        g.setStroke(new BasicStroke(2.5f));
        for (int k = 0; k < 3; k++) {
            g.setColor(colors[k]);
            int px = -1;
            int py = -1;
            for (double[] p : points) {
                if (Double.isNaN(p[k + 1])) {
                    continue;
                }
                int x = left + (int) (p[0] / maxX * pw);
                int y = top + ph - (int) (p[k + 1] / maxY * ph);
                g.fillOval(x - 4, y - 4, 8, 8);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
            g.fillRect(left + pw + 20, top + 20 + k * 25, 20, 10);
            g.setColor(Color.BLACK);
            g.drawString(names[k], left + pw + 50, top + 30 + k * 25);
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    /** Bars: one per label (e.g. events/s of each way to read or rebuild). */
    static void bars(List<String> labels, List<Double> values, String title, String unit, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int w = 800;
        int h = 420;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 20, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double max = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).max().orElse(1);
        int barArea = w - 330;
        for (int i = 0; i < labels.size(); i++) {
            int y = 60 + i * 45;
            double v = values.get(i);
            int len = Double.isNaN(v) ? 0 : (int) (v / max * barArea);
            g.setColor(Color.BLACK);
            g.drawString(labels.get(i), 20, y + 18);
            g.setColor(new Color(40, 120, 200));
            g.fillRect(240, y, Math.max(1, len), 26);
            g.setColor(Color.BLACK);
            g.drawString(Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f %s", v, unit), 245 + len, y + 18);
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }
}
