package app.atrium.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** docs/permissions.md shows exactly the matrix in Permissions.MATRIX. */
class PermissionMatrixDocTest {

    @Test
    void theDocumentedTableIsTheMatrixInCode() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("docs/permissions.md"));
        String header = lines.stream().filter(l -> l.startsWith("| permission |")).findFirst().orElseThrow();
        List<String> roles = Arrays.stream(header.split("\\|")).map(String::trim).skip(3).toList();
        assertThat(roles).containsExactlyInAnyOrderElementsOf(Permissions.MATRIX.keySet());
        List<String> documented = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = Arrays.stream(line.split("\\|")).map(String::trim).skip(1).toArray(String[]::new);
            String permission = cells[0].replace("`", "");
            documented.add(permission);
            for (int i = 0; i < roles.size(); i++) {
                boolean granted = "✓".equals(cells[2 + i]);
                boolean inCode = Permissions.MATRIX.get(roles.get(i)).stream()
                        .anyMatch(p -> p.value().equals(permission));
                assertThat(granted).as("%s for %s", permission, roles.get(i)).isEqualTo(inCode);
            }
        }
        assertThat(documented).containsExactlyElementsOf(
                Arrays.stream(Permissions.Permission.values()).map(Permissions.Permission::value).toList());
    }
}
