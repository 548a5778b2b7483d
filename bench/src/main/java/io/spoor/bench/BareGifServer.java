package io.spoor.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.AsciiString;

/**
 * Baseline HTTP server for benchmarks: answers every GET, whatever its path or query, with
 * 200 and the 43-byte transparent 1x1 GIF, and every POST with 200 {@code {"success":true}}
 * (Segment's answer; the body is not read), honouring keep-alive, and does nothing else.
 * It stands for the physical limit of HTTP on the machine the benchmark runs on.
 *
 * <p>Usage: {@code java -jar spoor-bench.jar <port> [workerThreads]}
 */
public final class BareGifServer {

    /** The classic transparent 1x1 GIF89a pixel, 43 bytes. */
    static final byte[] GIF = {
        'G', 'I', 'F', '8', '9', 'a', 0x01, 0x00, 0x01, 0x00, (byte) 0x80, 0x00, 0x00,
        0x00, 0x00, 0x00, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
        0x21, (byte) 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00,
        0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0x02, 0x02, 0x44, 0x01, 0x00, 0x3B
    };

    private static final ByteBuf GIF_BUF =
            Unpooled.unreleasableBuffer(Unpooled.directBuffer(GIF.length).writeBytes(GIF));
    private static final byte[] SUCCESS = "{\"success\":true}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final ByteBuf SUCCESS_BUF =
            Unpooled.unreleasableBuffer(Unpooled.directBuffer(SUCCESS.length).writeBytes(SUCCESS));
    private static final AsciiString IMAGE_GIF = AsciiString.cached("image/gif");
    private static final AsciiString GIF_LENGTH = AsciiString.cached(String.valueOf(GIF.length));

    private BareGifServer() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: BareGifServer <port> [workerThreads]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 0; // 0 = Netty default
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup group = new NioEventLoopGroup(workers);
        try {
            Channel server = new ServerBootstrap()
                    .group(boss, group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new GifHandler());
                        }
                    })
                    .bind("127.0.0.1", port).sync().channel();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close().syncUninterruptibly();
                boss.shutdownGracefully();
                group.shutdownGracefully();
            }));
            System.out.println("BareGifServer listening on 127.0.0.1:" + port);
            server.closeFuture().sync();
        } finally {
            boss.shutdownGracefully();
            group.shutdownGracefully();
        }
    }

    /** Writes the GIF for each GET request and {@code {"success":true}} for each POST; request bodies are ignored. */
    static final class GifHandler extends SimpleChannelInboundHandler<HttpObject> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (!(msg instanceof HttpRequest)) {
                return; // request body chunks, if any, are dropped
            }
            HttpRequest req = (HttpRequest) msg;
            if (req.decoderResult().isFailure()) {
                respond(ctx, empty(HttpResponseStatus.BAD_REQUEST, req), false);
                return;
            }
            FullHttpResponse res;
            if (HttpMethod.GET.equals(req.method())) {
                res = new DefaultFullHttpResponse(
                        req.protocolVersion(), HttpResponseStatus.OK, GIF_BUF.duplicate());
                res.headers()
                        .set(HttpHeaderNames.CONTENT_TYPE, IMAGE_GIF)
                        .set(HttpHeaderNames.CONTENT_LENGTH, GIF_LENGTH);
            } else if (HttpMethod.POST.equals(req.method())) {
                // Segment's Tracking API answer, for the /v1/batch load (the body is not read)
                res = new DefaultFullHttpResponse(
                        req.protocolVersion(), HttpResponseStatus.OK, SUCCESS_BUF.duplicate());
                res.headers()
                        .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                        .set(HttpHeaderNames.CONTENT_LENGTH, SUCCESS_BUF.readableBytes());
            } else {
                res = empty(HttpResponseStatus.METHOD_NOT_ALLOWED, req);
            }
            respond(ctx, res, HttpUtil.isKeepAlive(req));
        }

        private static FullHttpResponse empty(HttpResponseStatus status, HttpRequest req) {
            FullHttpResponse res = new DefaultFullHttpResponse(req.protocolVersion(), status);
            res.headers().set(HttpHeaderNames.CONTENT_LENGTH, HttpHeaderValues.ZERO);
            return res;
        }

        private static void respond(ChannelHandlerContext ctx, FullHttpResponse res, boolean keepAlive) {
            HttpUtil.setKeepAlive(res, keepAlive);
            if (keepAlive) {
                ctx.write(res, ctx.voidPromise());
            } else {
                ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
