package app.atrium.shared.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.atrium.shared.error.ApiException;
import app.atrium.shared.ids.Ids;
import app.atrium.shared.money.Money;

class KernelTypesTest {

    @Test
    void cursorsRoundTripAndRejectForgeries() {
        UUID id = Ids.newId();
        PageRequest p = PageRequest.of(10, PageRequest.encode(id));
        assertThat(p.after()).contains(id);
        assertThat(p.fetchSize()).isEqualTo(11);
        assertThat(PageRequest.of(null, null).limit()).isEqualTo(20);
        assertThatThrownBy(() -> PageRequest.of(101, null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PageRequest.of(0, null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PageRequest.of(5, "%%%")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PageRequest.of(5, java.util.Base64.getUrlEncoder().encodeToString(
                ("v0:" + id).getBytes()))).isInstanceOf(ApiException.class);
    }

    @Test
    void pageOfTakesLimitRowsAndPointsAtTheLast() {
        List<UUID> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(Ids.newId());
        }
        Page<String> page = Page.of(rows, PageRequest.of(2, null), u -> u, UUID::toString);
        assertThat(page.data()).hasSize(2);
        assertThat(PageRequest.of(2, page.meta().nextCursor()).after()).contains(rows.get(1));
        assertThat(Page.of(rows.subList(0, 2), PageRequest.of(2, null), u -> u, UUID::toString).meta().nextCursor())
                .isNull();
    }

    @Test
    void idsAreVersion7AndTimeOrdered() {
        UUID a = Ids.newId(1_000_000L);
        UUID b = Ids.newId(1_000_001L);
        assertThat(a.version()).isEqualTo(7);
        assertThat(a.variant()).isEqualTo(2);
        assertThat(Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits())).isNegative();
    }

    @Test
    void moneyIsMinorUnitsAndRefusesMixedCurrencies() {
        assertThat(Money.of(80000, "EUR").plus(Money.of(550, "EUR"))).isEqualTo(Money.of(80550, "EUR"));
        assertThatThrownBy(() -> Money.of(1, "EUR").plus(Money.of(1, "USD"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, "EURO")).isInstanceOf(IllegalArgumentException.class);
    }
}
