"""*Apa yang baru*: what users notice in each release, newest first, in their words.

Add an entry when a change reaches users (docs/guide.md): the date it went live, a title and one
line per change, written for the people who use the application, not for developers.
"""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Release:
    date: datetime.date
    title: str
    changes: tuple[str, ...]


RELEASES = (
    Release(
        datetime.date(2026, 11, 30),
        "Halaman lebih cepat dan beberapa perbaikan",
        (
            "Dasbor, Laporan Tahunan, rekap Excel, PMPRB, peringkat rencana aksi PD dan Data Terbuka "
            "terbuka lebih cepat, juga tepat setelah ada laporan baru.",
            "Grafik Kelengkapan laporan di Dasbor kini menghitung laporan triwulan yang sudah jatuh "
            "tempo saja, sama seperti matriks Kelengkapan laporan.",
            "Isi road map pada halaman edisi ditampilkan per area perubahan, dengan tautan ke setiap "
            "area dan ke quick wins.",
            "Pratinjau Impor Excel memberi peringatan yang sama dengan formulir, misalnya angka yang "
            "lebih kecil dari triwulan sebelumnya.",
            "Usulan temuan tindak lanjut kini juga memuat item yang sama sekali tidak dilaporkan pada "
            "tahun yang sudah berakhir.",
            "Formulir Buat rencana aksi hanya menawarkan periode yang belum memiliki rencana aksi "
            "Perangkat Daerah Anda.",
            "Panduan admin Perangkat Daerah memuat langkah mereviu PMPRB untuk Inspektorat.",
        ),
    ),
    Release(
        datetime.date(2026, 11, 30),
        "Rencana aksi Perangkat Daerah, tindak lanjut temuan dan data terbuka capaian",
        (
            "Menu Rencana Aksi PD: setiap Perangkat Daerah menyusun rencana aksi RB dua tahunnya, "
            "diperiksa Bagian Organisasi, lalu melaporkannya per triwulan seperti indikator road map; "
            "staf dan Tim Pengarah melihat peringkat Perangkat Daerah menurut capaiannya.",
            "Menu Tindak Lanjut: temuan hasil monev dengan penanggung jawab dan batas waktu, langkah "
            "tindak lanjut dengan bukti dukung, verifikasi staf, pengingat, dan bab baru di Laporan "
            "Tahunan.",
            "Data Terbuka memuat capaian yang sudah diverifikasi per area dan tahun, untuk umum tanpa "
            "masuk, beserta berkas JSON dan CSV.",
            "Menu utama lebih ringkas: area, indikator, kegiatan prioritas, quick wins, rencana aksi dan "
            "regulasi kini ada di bawah menu Road map.",
        ),
    ),
    Release(
        datetime.date(2026, 11, 30),
        "Bantuan di dalam aplikasi",
        (
            "Menu Bantuan berisi panduan langkah demi langkah untuk admin Perangkat Daerah, staf "
            "Bagian Organisasi dan Tim Pengarah, dengan gambar layar aplikasi yang sekarang.",
            "Halaman yang dijelaskan panduan, seperti formulir laporan, Tugas saya, Verifikasi laporan, "
            "Dasbor dan Laporan Tahunan, memuat tautan Bantuan ke bagian panduan yang membahasnya.",
            "Setiap panduan dapat dicetak pada kertas A4 atau disimpan sebagai PDF untuk dibagikan.",
            "Halaman Apa yang baru ini mencatat perubahan yang Anda rasakan pada setiap pembaruan.",
        ),
    ),
    Release(
        datetime.date(2026, 11, 30),
        "PMPRB di dalam aplikasi",
        (
            "Menu PMPRB: staf membuka putaran Penilaian Mandiri Pelaksanaan Reformasi Birokrasi per "
            "tahun, untuk Pemerintah Kabupaten dan setiap Perangkat Daerah.",
            "Admin Perangkat Daerah mengisi kertas kerjanya sendiri, dengan penjelasan dan bukti dukung "
            "per jawaban, lalu mengajukannya untuk direviu Inspektorat.",
            "Nilai per area dan komponen, sub-komponen yang lemah dan ringkasan siap cetak dihitung "
            "langsung; semua kertas kerja dapat diunduh sebagai Excel.",
            "Saat putaran ditutup, Indeks RB-nya dapat dicatat sebagai realisasi indikatornya.",
        ),
    ),
    Release(
        datetime.date(2026, 11, 30),
        "Edisi dan perubahan road map",
        (
            "Road map berikutnya (2021-2024) dapat disusun di aplikasi sebagai rancangan, disalin dari "
            "road map yang berlaku, lalu ditetapkan; laporan pada road map lama tidak berubah.",
            "Perubahan road map yang berlaku dicatat dengan dasar hukum, alasan dan tahun mulai "
            "berlakunya; riwayat setiap item menyebutnya.",
            "Setiap halaman road map dapat menampilkan edisi mana pun lewat Ganti edisi; indikator "
            "yang berlanjut dibaca sebagai satu deret dari tahun ke tahun.",
            "Tugas saya, formulir laporan dan templat Excel mengikuti road map yang berlaku pada "
            "tahun yang dilaporkan.",
        ),
    ),
    Release(
        datetime.date(2026, 11, 29),
        "Lebih mudah dibaca dan dipakai di ponsel",
        (
            "Semua halaman dapat dipakai di layar ponsel; menu utama tersimpan di balik tombol Menu.",
            "Pesan kesalahan formulir tampil tepat di bawah isian yang salah, dan yang sudah Anda ketik "
            "atau centang tidak hilang.",
            "Tanggal dan jam ditulis dengan satu cara di semua halaman dan berkas Excel, dalam WIB, "
            "misalnya 30 November 2026 14.05 WIB.",
            "Halaman hanya menawarkan tombol yang memang dapat Anda pakai saat itu, dan menjelaskan "
            "mengapa sebuah laporan terkunci.",
            "Dasbor tercetak rapi pada kertas A4, dengan grafik yang digambar ulang seukuran kertas; "
            "grafik indikator kunci mengikuti tahun dan triwulan yang dipilih.",
            "Aplikasi dapat dipakai sepenuhnya dengan papan ketik, dan posisi kursor selalu terlihat.",
        ),
    ),
    Release(
        datetime.date(2026, 11, 29),
        "Angka yang dapat dipercaya",
        (
            "Target berupa predikat, opini atau level (misalnya Opini BPK atau Kapabilitas APIP) tidak "
            "lagi diberi persen: tercapai, atau kurang sekian tingkat.",
            "Setiap angka tahunan menyebut dasarnya, misalnya TW III (terakhir) atau jumlah TW I, III; "
            "TW II belum dilaporkan.",
            "Formulir laporan menjelaskan apa yang diisi untuk setiap item, mengingatkan bila angka "
            "jauh dari target, dan menerima laporan Nihil.",
            "Anggota Pokja ikut memeriksa laporan item area Pokja-nya dari Perangkat Daerah lain.",
            "Perangkat Daerah penanggung jawab data sebuah indikator (misalnya Inspektorat untuk "
            "Kapabilitas APIP) melaporkan indikator itu sendiri.",
            "Kemajuan rencana aksi dilaporkan per Perangkat Daerah Utama untuk bagiannya sendiri; "
            "kontribusi Perangkat Daerah pendukung dicatat terpisah.",
            "Draf hanya terlihat oleh Perangkat Daerah pembuatnya dan staf Bagian Organisasi.",
        ),
    ),
    Release(
        datetime.date(2026, 11, 28),
        "Lebih tahan terhadap kesalahan",
        (
            "Bila dua orang mengubah laporan yang sama bersamaan, penyimpanan kedua ditolak dengan "
            "keterangan siapa yang mengubahnya dan kapan; isian Anda tetap ada untuk diperiksa lalu "
            "disimpan lagi.",
            "Isian yang keliru, berkas yang bukan dokumen, atau templat Excel yang rusak dijawab dengan "
            "pesan yang jelas dalam bahasa Indonesia, tanpa ada yang tersimpan.",
            "Berkas Excel yang diunduh terbuka rapi di Excel dan LibreOffice Calc: teks sebagaimana "
            "diketik, tanggal dalam WIB, baris cukup tinggi, dan tercetak terbaca pada kertas A4.",
            "Templat Excel yang diunggah dibaca dengan batas ukuran; berkas yang terlalu besar atau "
            "angka yang tidak terbaca ditolak dengan nomor baris dan kolomnya.",
            "Dasbor dan halaman yang berat terbuka jauh lebih cepat.",
        ),
    ),
    Release(
        datetime.date(2026, 11, 28),
        "Dasbor, Excel dan laporan tahunan",
        (
            "Dasbor Tim Pengarah: rata-rata capaian, keadaan setiap area, kemajuan rencana aksi, "
            "grafik indikator kunci dan kelengkapan laporan Perangkat Daerah.",
            "Kelengkapan laporan untuk staf: siapa yang belum melapor, sejak kapan, dan matriks setiap "
            "item per periode.",
            "Setiap tabel dapat diunduh sebagai Excel, dan Rekap Excel mengikuti susunan tabel "
            "Peraturan Bupati.",
            "Lapor lewat Excel: unduh templat Perangkat Daerah Anda, isi, unggah, periksa pratinjaunya, "
            "lalu simpan.",
            "Laporan monev akhir tahun siap cetak pada kertas A4, dengan status hambatan dan blok "
            "tanda tangan, juga sebagai berkas Excel.",
        ),
    ),
    Release(
        datetime.date(2026, 11, 28),
        "Pelaporan dan verifikasi",
        (
            "Admin Perangkat Daerah melaporkan realisasi dan kemajuan rencana aksi setiap triwulan, "
            "dengan berkas atau tautan bukti dukung.",
            "Staf Bagian Organisasi memverifikasi laporan atau mengembalikannya dengan catatan; hanya "
            "laporan terverifikasi yang dihitung dalam capaian.",
            "Jendela pelaporan dibuka dan ditutup per periode; periode atau item yang sudah ditutup "
            "dapat dibuka kembali dengan alasan yang dicatat.",
            "Tugas saya menyebut apa yang perlu dikerjakan sekarang, dan surel pengingat dikirim saat "
            "jendela dibuka, menjelang batas akhir, dan saat laporan dikembalikan.",
            "Tab Riwayat pada setiap item mencatat siapa mengubah apa, kapan dan mengapa.",
        ),
    ),
    Release(
        datetime.date(2026, 11, 28),
        "Road map di dalam aplikasi",
        (
            "Delapan area perubahan, indikator dan targetnya, kegiatan prioritas, quick wins, rencana "
            "aksi, tim dan hambatan Peraturan Bupati Pekalongan Nomor 40 Tahun 2020 dapat dibaca dan "
            "dicari.",
            "Setiap pengguna masuk dengan akunnya sendiri; admin Perangkat Daerah hanya dapat mengubah "
            "item Perangkat Daerahnya.",
            "Lima kali salah kata sandi dari satu komputer mengunci akun itu di komputer tersebut "
            "selama 30 menit.",
            "Data Terbuka: seluruh road map dapat diunduh sebagai JSON dan CSV tanpa masuk.",
        ),
    ),
)
