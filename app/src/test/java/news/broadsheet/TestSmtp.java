package news.broadsheet;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One GreenMail SMTP server for the whole test run, on a free port, so the application sends
 * real mail over SMTP and tests read what arrived. Tests tell their messages apart by recipient.
 */
public final class TestSmtp {

    public static final GreenMail SERVER = start();

    private TestSmtp() {
    }

    private static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        return server;
    }

    public static int port() {
        return SERVER.getSmtp().getPort();
    }
}
