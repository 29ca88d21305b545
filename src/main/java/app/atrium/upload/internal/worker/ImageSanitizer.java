package app.atrium.upload.internal.worker;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import app.atrium.upload.UploadPurpose.MediaTypes;

/**
 * Decodes an image with a pixel-count limit checked before decoding (decompression bombs),
 * re-encodes it — which drops every metadata segment, EXIF and GPS included — and makes a
 * thumbnail.
 */
final class ImageSanitizer {

    record Clean(byte[] image, byte[] thumbnail, int width, int height) {
    }

    /** The file is not an acceptable image; the message is the rejection reason shown to the user. */
    static final class Rejected extends Exception {
        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    private ImageSanitizer() {
    }

    static Clean sanitize(byte[] bytes, String contentType, long maxPixels, int thumbnailSize) throws Rejected {
        BufferedImage image = decode(bytes, contentType, maxPixels);
        int orientation = MediaTypes.JPEG.equals(contentType) ? ExifOrientation.read(bytes) : 1;
        image = ExifOrientation.apply(image, orientation);
        return new Clean(encode(image, contentType), encode(thumbnail(image, thumbnailSize), contentType),
                image.getWidth(), image.getHeight());
    }

    private static BufferedImage decode(byte[] bytes, String contentType, long maxPixels) throws Rejected {
        String format = MediaTypes.JPEG.equals(contentType) ? "jpeg" : "png";
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new Rejected("The image has no pixels");
            }
            if (width * height > maxPixels) {
                throw new Rejected("The image is " + width + "×" + height + " pixels, more than the limit of "
                        + maxPixels + " pixels");
            }
            BufferedImage image = reader.read(0);
            if (image == null) {
                throw new Rejected("The file could not be decoded as an image");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            throw new Rejected("The file could not be decoded as an image");
        } finally {
            reader.dispose();
        }
    }

    static byte[] encode(BufferedImage image, String contentType) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (MediaTypes.PNG.equals(contentType)) {
                ImageIO.write(image, "png", out);
                return out.toByteArray();
            }
            BufferedImage rgb = toRgb(image);
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(rgb, null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Encoding an in-memory image failed", e);
        }
    }

    private static BufferedImage thumbnail(BufferedImage image, int maxSide) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage thumb = new BufferedImage(w, h, type);
        Graphics2D g = thumb.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return thumb;
    }

    private static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
